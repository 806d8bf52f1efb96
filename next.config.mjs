/** @type {import('next').NextConfig} */
const nextConfig = {
  // etcd3 loads its .proto files from disk at run time, which bundling breaks. prom-client keeps
  // its default metrics' state in module scope: one copy per process, not one per route bundle.
  serverExternalPackages: ["etcd3", "@grpc/grpc-js", "@grpc/proto-loader", "prom-client"],
  poweredByHeader: false,
  // proxy.ts passes key routes the query as sent: keys are bytes, not always UTF-8.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
};

export default nextConfig;
