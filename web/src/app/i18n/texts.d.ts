// The whole of a locale file as one module of its own (see loadAllTexts in index.ts).
declare module '*.json?all' {
  const texts: Record<string, unknown>
  export default texts
}
