// A credit line is the article's own text ("Metro Ledger's Sam Ortiz contributed to this report."),
// however often it repeats across a folder of one outlet's stories, and however short it is.
const CREDIT =
  /^\(?(?:[^.!?]{2,120}\bcontributed (?:reporting )?to this (?:report|story|article)\.?|(?:additional |further )?reporting by\b.{2,200}|(?:writing|compiled|edited) by\b.{2,200}(?:\bediting by\b.{2,120})?)$/iu;

// Every credit line holds one of these words; most blocks hold none, and skip the regex.
const CUE = /contributed|reporting|writing|compiled|edited/i;

export const isCredit = (text: string): boolean => text.length <= 320 && CUE.test(text) && CREDIT.test(text);
