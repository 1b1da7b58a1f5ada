/**
 * Word lists and a seeded pseudo-random generator for the demo database. All names are invented
 * here; a few use other scripts (Japanese, Chinese, accented Latin, an emoji) so that wide and
 * combining characters can be seen in the shell.
 */

/** mulberry32: a small, fast, deterministic 32-bit PRNG. Same seed, same sequence, everywhere. */
export class DemoRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export const ADJECTIVES = [
  'Amber', 'Broken', 'Crimson', 'Distant', 'Electric', 'Fading', 'Golden', 'Hollow', 'Iron', 'Jaded', 'Kinetic', 'Lunar',
  'Midnight', 'Neon', 'Obsidian', 'Paper', 'Quiet', 'Restless', 'Silver', 'Tidal', 'Velvet', 'Wandering', 'Young', 'Zero',
] as const;

export const NOUNS = [
  'Anchors', 'Bridges', 'Comets', 'Dunes', 'Echoes', 'Foxes', 'Gardens', 'Harbors', 'Islands', 'Lanterns', 'Meadows',
  'Needles', 'Orbits', 'Pilots', 'Rivers', 'Sparrows', 'Tigers', 'Valleys', 'Wolves', 'Signals', 'Mirrors', 'Engines',
] as const;

export const WORDS = [
  'Afterglow', 'Blue', 'Canyon', 'Dawn', 'Ember', 'Fever', 'Gravity', 'Horizon', 'Ink', 'Jubilee', 'Kaleidoscope', 'Lullaby',
  'Motel', 'Night', 'Ocean', 'Postcard', 'Rain', 'Static', 'Tomorrow', 'Undertow', 'Vertigo', 'Window', 'Yesterday', 'Zephyr',
  'Satellite', 'Paradise', 'Heartbeat', 'Highway', 'Shadow', 'Thunder', 'Summer', 'Winter',
] as const;

export const FIRST_NAMES = [
  'Ada', 'Bruno', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Leon', 'Maya', 'Nils',
  'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wim', 'Yara', 'Zane', 'José', 'Søren', 'Zoë', 'Chloé',
] as const;

export const LAST_NAMES = [
  'Abbott', 'Brandt', 'Castillo', 'Duarte', 'Eriksen', 'Fontaine', 'Gallo', 'Hartmann', 'Ivanova', 'Jansen', 'Kowalski',
  'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Urban', 'Vidal', 'Weber',
  'Yilmaz', 'Zimmer', 'Müller', 'Nguyễn', 'Ångström',
] as const;

export const CITIES: readonly (readonly [string, string])[] = [
  ['Lisbon', 'Portugal'], ['Berlin', 'Germany'], ['Hamburg', 'Germany'], ['Paris', 'France'], ['Lyon', 'France'],
  ['Madrid', 'Spain'], ['Oslo', 'Norway'], ['Stockholm', 'Sweden'], ['Warsaw', 'Poland'], ['Prague', 'Czechia'],
  ['Toronto', 'Canada'], ['Montréal', 'Canada'], ['Austin', 'USA'], ['Seattle', 'USA'], ['Chicago', 'USA'],
  ['São Paulo', 'Brazil'], ['Buenos Aires', 'Argentina'], ['Sydney', 'Australia'], ['東京', 'Japan'], ['上海', 'China'],
  ['Reykjavík', 'Iceland'], ['Nairobi', 'Kenya'], ['Mumbai', 'India'], ['Seoul', 'South Korea'],
];

export const GENRES = [
  'Rock', 'Jazz', 'Electronic', 'Classical', 'Hip-Hop', 'Folk', 'Blues', 'Reggae', 'Metal', 'Pop', 'Soul', 'Ambient',
  'Country', 'Latin', 'Soundtrack', 'World',
] as const;

export const MEDIA_TYPES = ['MPEG audio file', 'AAC audio file', 'FLAC lossless file', 'Vinyl rip (WAV)', 'Protected AAC file'] as const;

/** Artists with names in other scripts, placed among the generated ones. */
export const SPECIAL_ARTISTS: readonly (readonly [string, string])[] = [
  ['星野ひかり', 'Japan'],
  ['夜明けの猫', 'Japan'],
  ['陈静雨', 'China'],
  ['Zoë Lefèvre & les Étoiles', 'France'],
  ['Ångström Trio', 'Sweden'],
  ['Björk-ish Echo Ensemble', 'Iceland'],
];

export const PLAYLISTS = [
  'Morning Coffee', 'Deep Focus', 'Road Trip 🚗', 'Late Night Jazz', 'Workout Mix', 'Rainy Sunday', 'Classics', 'Party Starters',
  'Chill Electronic', '90s Flashback', 'Acoustic Evenings', 'Best of Metal', '夜のドライブ', 'Sunset ☀️ Grooves', 'Study Beats',
  'Empty Playlist',
] as const;
