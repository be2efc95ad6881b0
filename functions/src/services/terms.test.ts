import { describe, expect, it } from 'vitest';
import { countTerms, distinctiveTerms, meaningful, termsOf } from './terms.ts';

describe('terms', () => {
  it('keeps the words that say something, folded, in English, French and Spanish', () => {
    expect(termsOf('Les Données des marchés publics, and the registers of 2027 para el público')).toEqual(['donnees', 'marches', 'publics', 'registers', 'publico']);
    expect(['the', 'les', 'para', 'de', '42', 'ab'].map(meaningful)).toEqual([null, null, null, null, null, null]);
  });

  it('counts each term once per contribution', () => {
    expect(countTerms(['registers registers budget', 'budget data'])).toEqual({ contributions: 2, frequencies: { registers: 1, budget: 2, data: 1 } });
  });

  it('seeks the rarer terms first, those used more first among equals, and none that no other contribution holds', () => {
    const texts = [
      ...Array.from({ length: 80 }, () => 'open data'),
      ...Array.from({ length: 15 }, () => 'procurement registers'),
      ...Array.from({ length: 5 }, () => 'beneficial ownership'),
    ];
    const terms = countTerms(texts);
    expect(distinctiveTerms('Open data on beneficial ownership registers, registers, and a zorblax', terms)).toEqual(['registers', 'beneficial', 'ownership', 'data', 'open']);
  });

  it('leaves out a term held by more than a fifth of many contributions', () => {
    const texts = [...Array.from({ length: 8_000 }, () => 'open data'), ...Array.from({ length: 2_000 }, () => 'budget registers')];
    expect(distinctiveTerms('open budget', countTerms(texts))).toEqual(['budget']);
    // Held by two thirds of few contributions: kept.
    const few = [...Array.from({ length: 1_000 }, () => 'open data'), ...Array.from({ length: 500 }, () => 'budget registers')];
    expect(distinctiveTerms('open budget', countTerms(few))).toEqual(['budget', 'open']);
  });

  it('seeks at most fifteen terms', () => {
    const words = Array.from({ length: 40 }, (_, n) => `word${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}`);
    const terms = countTerms([...words.map((word) => word), ...Array.from({ length: 200 }, () => 'filler')]);
    expect(distinctiveTerms(words.join(' '), terms)).toHaveLength(15);
  });
});
