import { CONCEPTS, type Concept, TOPICS, type Topic, TYPE_FIT } from "./lexicon.ts";
import { type AnalysedText, cueWords, type TextOptions } from "./text.ts";

export interface ConceptMatch {
  concept: Concept;
  /** The phrase as written in the cue list, for explanations. */
  cue: string;
}

interface Cue {
  concept: Concept;
  words: string[];
  text: string;
}

type CueIndex = Map<string, Cue[]>;

const cueIndexes = new Map<string, { needs: CueIndex; offers: CueIndex }>();

/** Cue phrases reduced with the same text options as the documents, indexed by first word. */
export function cuesFor(options: TextOptions): { needs: CueIndex; offers: CueIndex } {
  const key = JSON.stringify(options);
  let indexes = cueIndexes.get(key);
  if (!indexes) {
    indexes = { needs: indexCues(options, (c) => c.needs), offers: indexCues(options, (c) => c.offers) };
    cueIndexes.set(key, indexes);
  }
  return indexes;
}

function indexCues(options: TextOptions, pick: (c: Concept) => string[]): CueIndex {
  const index: CueIndex = new Map();
  for (const concept of CONCEPTS) {
    for (const text of pick(concept)) {
      const words = cueWords(text, options);
      if (words.length === 0) continue;
      const list = index.get(words[0]!) ?? [];
      list.push({ concept, words, text });
      index.set(words[0]!, list);
    }
  }
  return index;
}

/** Concepts whose cues occur in a word sequence; the longest cue wins at each position. */
export function matchConcepts(words: readonly string[], index: CueIndex): Map<string, ConceptMatch> {
  const found = new Map<string, ConceptMatch>();
  for (let i = 0; i < words.length; i++) {
    const candidates = index.get(words[i]!);
    if (!candidates) continue;
    let best: Cue | undefined;
    for (const cue of candidates) {
      if (cue.words.every((w, k) => words[i + k] === w) && (!best || cue.words.length > best.words.length)) best = cue;
    }
    if (best && !found.has(best.concept.id)) found.set(best.concept.id, { concept: best.concept, cue: best.text });
  }
  return found;
}

/** Concepts a result offers by its declared type (a dataset offers data, a testbed offers validation). */
export function conceptsOfType(type: string | undefined): Map<string, ConceptMatch> {
  const found = new Map<string, ConceptMatch>();
  const words = typeWords(type);
  for (const concept of CONCEPTS) {
    const hit = concept.types.find((t) => words.has(t));
    if (hit) found.set(concept.id, { concept, cue: `type: ${type?.trim().toLowerCase()}` });
  }
  return found;
}

export function typeWords(type: string | undefined): Set<string> {
  const lower = (type ?? "").toLowerCase();
  return new Set([...lower.split(/[^\p{L}-]+/u).filter(Boolean), lower.trim()]);
}

/** Whether an offer of type `offer` typically serves a result of type `user` (platform → application…). */
export function typesFit(offer: string | undefined, user: string | undefined): boolean {
  const o = typeWords(offer);
  const u = typeWords(user);
  return TYPE_FIT.some(([offers, users]) => offers.some((t) => o.has(t)) && users.some((t) => u.has(t)));
}

interface TopicCue {
  topic: Topic;
  words: string[];
  /** Written in capitals in the lexicon ("AM", "OT"): only matches a word written in capitals. */
  capitals: boolean;
}

type TopicIndex = Map<string, TopicCue[]>;

const topicIndexes = new Map<string, TopicIndex>();

/** The domain lexicon's phrases reduced like the documents, indexed by first word. */
export function topicIndex(options: TextOptions, topics: readonly Topic[] = TOPICS): TopicIndex {
  const key = topics === TOPICS ? JSON.stringify(options) : "";
  const cached = key ? topicIndexes.get(key) : undefined;
  if (cached) return cached;
  const index: TopicIndex = new Map();
  for (const topic of topics) {
    for (const phrase of topic.phrases) {
      const words = cueWords(phrase, options);
      if (words.length === 0) continue;
      const capitals = words.length === 1 && /^[\p{Lu}\d]+s?$/u.test(phrase);
      const list = index.get(words[0]!) ?? [];
      list.push({ topic, words, capitals });
      index.set(words[0]!, list);
    }
  }
  if (key) topicIndexes.set(key, index);
  return index;
}

/**
 * Topics named in a text, once per mention: at each position the longest phrase wins and the words it covers are
 * not matched again, so "additive manufacturing" counts once, not also as "manufacturing".
 */
export function matchTopics(text: AnalysedText, index: TopicIndex): Topic[] {
  const { words, capitals } = text;
  const found: Topic[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = words[i] ? index.get(words[i]!) : undefined;
    if (!candidates) continue;
    let best: TopicCue | undefined;
    for (const cue of candidates) {
      if (cue.capitals && !capitals.has(i)) continue;
      if (best && cue.words.length <= best.words.length) continue;
      if (cue.words.every((w, k) => words[i + k] === w)) best = cue;
    }
    if (!best) continue;
    found.push(best.topic);
    i += best.words.length - 1;
  }
  return found;
}
