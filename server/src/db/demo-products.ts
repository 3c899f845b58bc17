// Deterministic demo products for the seed and the large-catalogue loader:
// the same index always gives the same product, so re-runs are idempotent.
const CATEGORIES = ['books', 'electronics', 'kitchen', 'garden', 'toys', 'sports', 'music', 'office'];
const ADJECTIVES = [
  'Classic',
  'Compact',
  'Deluxe',
  'Eco',
  'Handmade',
  'Portable',
  'Smart',
  'Vintage',
  'Wireless',
  'Rugged',
];
const NOUNS = [
  'lamp',
  'notebook',
  'kettle',
  'speaker',
  'trowel',
  'puzzle',
  'racket',
  'guitar',
  'stapler',
  'backpack',
  'mug',
  'headphones',
];

export interface DemoProduct {
  name: string;
  description: string;
  /** Exact decimal text, so NUMERIC stores it as written. */
  price: string;
  stock: number;
  category: string;
}

export function demoProduct(i: number): DemoProduct {
  const pick = <T>(list: T[], n: number) => list[n % list.length] as T;
  const category = pick(CATEGORIES, i);
  const adjective = pick(ADJECTIVES, Math.floor(i / 3));
  const noun = pick(NOUNS, Math.floor(i / 7));
  const cents = ((i * 7919) % 49_900) + 99; // 0.99 .. 499.98
  return {
    name: `${adjective} ${noun} #${i + 1}`,
    description: `A ${adjective.toLowerCase()} ${noun} from our ${category} range.`,
    price: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    stock: (i * 31) % 120,
    category,
  };
}

export function demoProducts(count: number, offset = 0): DemoProduct[] {
  return Array.from({ length: count }, (_, k) => demoProduct(offset + k));
}
