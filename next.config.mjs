/** @type {import('next').NextConfig} */
const nextConfig = {
  // `.next/standalone` is the production bundle: the server with only the node_modules it uses
  // (scripts/bundle.mjs completes it; see README "On a host").
  output: "standalone",
  // Trace from this folder, so the bundle's layout does not depend on where the clone lives.
  outputFileTracingRoot: import.meta.dirname,
  // etcd3 loads its .proto files from disk at run time, which bundling breaks, and which the
  // bundle's file tracing cannot see (a template-string path): name them. prom-client keeps
  // its default metrics' state in module scope: one copy per process, not one per route bundle.
  serverExternalPackages: ["etcd3", "@grpc/grpc-js", "@grpc/proto-loader", "prom-client"],
  outputFileTracingIncludes: { "/**/*": ["./node_modules/etcd3/proto/*.proto"] },
  // No page uses next/image; without the optimizer the bundle needs no sharp (libvips, ~20 MB).
  images: { unoptimized: true },
  outputFileTracingExcludes: {
    "next-server": ["**/node_modules/sharp/**", "**/node_modules/@img/**"],
    "/**/*": ["**/node_modules/sharp/**", "**/node_modules/@img/**"],
  },
  poweredByHeader: false,
  // proxy.ts passes key routes the query as sent: keys are bytes, not always UTF-8.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
};

export default nextConfig;
