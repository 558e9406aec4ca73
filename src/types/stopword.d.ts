// The stopword package ships no types; these are the lists the article model reads.
declare module 'stopword/dist/stopword.esm.mjs' {
  export const eng: string[];
  export const deu: string[];
  export const fra: string[];
  export const spa: string[];
  export const ita: string[];
  export const por: string[];
  export const nld: string[];
  export const pol: string[];
  export const rus: string[];
  export const zho: string[];
}
