//! Feature hashing: strings and feature templates become 64-bit keys of the perceptron tables.
//!
//! Keys are already well mixed, so the tables use [`IdentityHasher`] instead of SipHash.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes a string (FNV-1a, then a final mix).
pub fn hash_str(s: &str) -> u64 {
    let mut hash = StrHasher::default();
    hash.push_str(s);
    hash.finish()
}

/// [`hash_str`] of a string built piece by piece, without building it.
#[derive(Clone, Copy)]
pub struct StrHasher(u64);

impl Default for StrHasher {
    fn default() -> StrHasher {
        StrHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl StrHasher {
    /// Appends the bytes of `s`.
    pub fn push_str(&mut self, s: &str) {
        for &b in s.as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    /// Appends `c` (UTF-8).
    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }
    /// The hash of everything appended.
    pub fn finish(self) -> u64 {
        finish(self.0)
    }
}

/// The splitmix64 finaliser: spreads every input bit over the output.
pub fn finish(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The key of template `template` over values `parts`.
pub fn feature(template: u32, parts: &[u64]) -> u64 {
    let mut h = finish(u64::from(template).wrapping_add(0x9e37_79b9_7f4a_7c15));
    for &p in parts {
        h = finish(h ^ p.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17));
    }
    h
}

/// A pass-through hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, value: u64) {
        // A multiply spreads 32-bit keys (see `perceptron::Model`) over the high bits the
        // table also uses.
        self.0 = value.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A hash map keyed by feature hashes.
pub type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// A small deterministic random number generator (splitmix64), for shuffling and exploration.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        finish(self.0)
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Shuffles `items` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
