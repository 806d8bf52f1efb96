/** @type {import('next').NextConfig} */
const nextConfig = {
  // etcd3 loads its .proto files from disk at run time, which bundling breaks.
  serverExternalPackages: ["etcd3", "@grpc/grpc-js", "@grpc/proto-loader"],
  poweredByHeader: false,
  // proxy.ts passes key routes the query as sent: keys are bytes, not always UTF-8.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
};

export default nextConfig;
