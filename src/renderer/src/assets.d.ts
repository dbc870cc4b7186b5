// Vite's `?url` imports: the URL of the file as emitted into the build.
declare module '*?url' {
  const url: string;
  export default url;
}
