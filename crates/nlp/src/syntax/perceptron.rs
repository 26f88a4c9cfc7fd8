//! The averaged perceptron shared by the tagger and the parser: a sparse table from feature key
//! to (class, weight) entries.
//!
//! [`Trainer`] holds integer weights with lazy averaging (each entry remembers when it last
//! changed); [`Trainer::average`] yields the [`Model`] used for prediction, its weights
//! quantized to i16 multiples of 1/32 (no measurable loss). A model is saved pruned (entries
//! whose weight is tiny are dropped), which keeps the files small. A model looks features up by
//! the top 32 bits of their key (collisions among a few million features are rare and
//! harmless), which lets the file store sorted keys as small varint deltas.

use super::hash::FeatureMap;
use super::pages::HugeBuffer;
use super::weights::{WeightsError, WeightsReader, WeightsWriter};

#[derive(Clone, Copy)]
struct TrainEntry {
    class: u16,
    weight: i32,
    stamp: u32,
    total: i64,
}

/// Integer perceptron weights being trained.
pub struct Trainer {
    n_classes: usize,
    index: FeatureMap<u32>,
    rows: Vec<Vec<TrainEntry>>,
    instances: u32,
}

impl Trainer {
    /// An empty trainer over `n_classes` classes.
    pub fn new(n_classes: usize) -> Trainer {
        Trainer { n_classes, index: FeatureMap::default(), rows: Vec::new(), instances: 0 }
    }

    /// Adds the current weights of `features` into `scores` (one slot per class).
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for key in features {
            if let Some(&row) = self.index.get(key) {
                for entry in &self.rows[row as usize] {
                    scores[entry.class as usize] += entry.weight;
                }
            }
        }
    }

    /// Counts one training instance (the clock of the averaging).
    pub fn tick(&mut self) {
        self.instances += 1;
    }

    /// Rewards `gold` and penalises `predicted` on `features`.
    pub fn update(&mut self, features: &[u64], gold: usize, predicted: usize) {
        if gold == predicted {
            return;
        }
        let now = self.instances;
        for &key in features {
            let next = self.rows.len() as u32;
            let row = *self.index.entry(key).or_insert(next);
            if row == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[row as usize];
            for (class, delta) in [(gold, 1), (predicted, -1)] {
                let class = class as u16;
                let entry = match row.iter().position(|e| e.class == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(TrainEntry { class, weight: 0, stamp: now, total: 0 });
                        row.last_mut().expect("just pushed")
                    }
                };
                entry.total += i64::from(entry.weight) * i64::from(now - entry.stamp);
                entry.stamp = now;
                entry.weight += delta;
            }
        }
    }

    /// The averaged weights, quantized, as a prediction model.
    pub fn average(&self) -> Model {
        let now = self.instances.max(1);
        let mut keys: Vec<(u32, u32)> = self.index.iter().map(|(&k, &r)| (short(k), r)).collect();
        keys.sort_unstable();
        let mut model = ModelBuilder::new(self.n_classes);
        let mut row = vec![0f64; self.n_classes];
        let mut i = 0;
        while i < keys.len() {
            // Features whose short keys collide share one row.
            row.iter_mut().for_each(|w| *w = 0.0);
            let key = keys[i].0;
            while i < keys.len() && keys[i].0 == key {
                for e in &self.rows[keys[i].1 as usize] {
                    let total = e.total + i64::from(e.weight) * i64::from(now - e.stamp);
                    row[e.class as usize] += total as f64 / f64::from(now);
                }
                i += 1;
            }
            model.push(key, row.iter().enumerate().map(|(c, &w)| (c as u16, quantize(w))));
        }
        model.finish()
    }
}

/// Averaged weights for prediction, laid out for fast scoring: an open-addressing table from a
/// feature's 32-bit key to its row. A row with few weights is a run of packed entries (class,
/// weight and an end-of-row flag in one `u32`); a row with many (the features of frequent tags
/// and words, which most lookups hit) is dense, one i16 per class, added with vector
/// instructions.
#[derive(Clone, Debug)]
pub struct Model {
    n_classes: usize,
    /// Slots of 8 bytes: the key, then where its row is ([`EMPTY`] in a free slot; a dense row
    /// has [`DENSE`] set and its index below).
    slots: HugeBuffer,
    mask: usize,
    /// A key's home slot is `key >> shift` (the table has `2^(32 - shift)` slots).
    shift: u32,
    /// Packed entries of 4 bytes.
    entries: HugeBuffer,
    /// Dense rows of `n_classes` little-endian i16.
    dense: HugeBuffer,
}

const EMPTY: u32 = u32::MAX;
const DENSE: u32 = 1 << 31;
const LAST_IN_ROW: u32 = 1 << 31;
/// Classes are stored in 15 bits of an entry.
const MAX_CLASSES: usize = 1 << 15;
/// Features scored per batch: the table probes of a batch are issued together so that their
/// cache misses overlap.
const BATCH: usize = 128;

/// Whether a row of `len` weights over `n_classes` is stored dense: adding a dense row costs
/// about as much as adding a dozen scattered entries.
fn is_dense(len: usize, n_classes: usize) -> bool {
    len >= 12 && len * 4 >= n_classes
}

fn pack(class: u16, weight: i16, last: bool) -> u32 {
    (u32::from(class) << 16) | u32::from(weight as u16) | if last { LAST_IN_ROW } else { 0 }
}

fn unpack(entry: u32) -> (usize, i32) {
    (((entry >> 16) & 0x7fff) as usize, i32::from(entry as u16 as i16))
}

/// Builds a [`Model`] from rows given in increasing key order.
struct ModelBuilder {
    n_classes: usize,
    keys: Vec<(u32, u32)>,
    entries: Vec<u32>,
    dense: Vec<i16>,
}

impl ModelBuilder {
    fn new(n_classes: usize) -> ModelBuilder {
        ModelBuilder { n_classes, keys: Vec::new(), entries: Vec::new(), dense: Vec::new() }
    }

    /// Adds a row of (class, quantized weight) entries; zero weights are left out, and so is a
    /// row with nothing left.
    fn push(&mut self, key: u32, row: impl IntoIterator<Item = (u16, i16)>) {
        let start = self.entries.len();
        for (class, weight) in row {
            if weight != 0 {
                self.entries.push(pack(class, weight, false));
            }
        }
        let len = self.entries.len() - start;
        if len == 0 {
            return;
        }
        if is_dense(len, self.n_classes) {
            let index = (self.dense.len() / self.n_classes) as u32;
            self.dense.resize(self.dense.len() + self.n_classes, 0);
            let row = &mut self.dense[index as usize * self.n_classes..];
            for &entry in &self.entries[start..] {
                let (class, weight) = unpack(entry);
                row[class] = weight as i16;
            }
            self.entries.truncate(start);
            self.keys.push((key, DENSE | index));
        } else {
            *self.entries.last_mut().expect("len > 0") |= LAST_IN_ROW;
            self.keys.push((key, start as u32));
        }
    }

    fn finish(self) -> Model {
        // At most half full, so that probes stay short (and mostly within one cache line).
        let bits = (self.keys.len() * 2).next_power_of_two().trailing_zeros().clamp(4, 31);
        let shift = 32 - bits;
        let mask = (1usize << bits) - 1;
        let mut slots = HugeBuffer::zeroed(8 << bits);
        let table = slots.as_mut_slice();
        for slot in table.chunks_exact_mut(8) {
            slot[4..].copy_from_slice(&EMPTY.to_le_bytes());
        }
        for &(key, start) in &self.keys {
            let mut i = (key >> shift) as usize;
            while read_u32(table, 2 * i + 1) != EMPTY {
                i = (i + 1) & mask;
            }
            table[8 * i..8 * i + 4].copy_from_slice(&key.to_le_bytes());
            table[8 * i + 4..8 * i + 8].copy_from_slice(&start.to_le_bytes());
        }
        let mut entries = HugeBuffer::zeroed(4 * self.entries.len());
        for (out, entry) in entries.as_mut_slice().chunks_exact_mut(4).zip(&self.entries) {
            out.copy_from_slice(&entry.to_le_bytes());
        }
        let mut dense = HugeBuffer::zeroed(2 * self.dense.len());
        for (out, weight) in dense.as_mut_slice().chunks_exact_mut(2).zip(&self.dense) {
            out.copy_from_slice(&weight.to_le_bytes());
        }
        Model { n_classes: self.n_classes, slots, mask, shift, entries, dense }
    }
}

/// A weight in units of 1/[`WEIGHT_STEPS`], saturated to what an entry holds.
fn quantize(weight: f64) -> i16 {
    (weight * f64::from(WEIGHT_STEPS)).round().clamp(f64::from(i16::MIN), f64::from(i16::MAX))
        as i16
}

impl Model {
    /// A model with no weights (every score zero).
    pub fn empty(n_classes: usize) -> Model {
        ModelBuilder::new(n_classes).finish()
    }

    /// Where the row of `key` is, or [`EMPTY`].
    fn find(&self, key: u32) -> u32 {
        let table = self.slots.as_slice();
        let mut i = (key >> self.shift) as usize;
        loop {
            let slot = read_u64(table, i);
            let (slot_key, start) = (slot as u32, (slot >> 32) as u32);
            if start == EMPTY || slot_key == key {
                return start;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn entry(&self, i: usize) -> u32 {
        read_u32(self.entries.as_slice(), i)
    }

    /// The bytes of dense row `index`.
    fn dense_row(&self, index: u32) -> &[u8] {
        let size = 2 * self.n_classes;
        &self.dense.as_slice()[index as usize * size..(index as usize + 1) * size]
    }

    /// The non-zero (class, weight) entries of the row at `start`.
    fn row(&self, start: u32) -> Vec<(usize, i32)> {
        if start & DENSE != 0 {
            return self
                .dense_row(start & !DENSE)
                .chunks_exact(2)
                .map(|w| i32::from(i16::from_le_bytes([w[0], w[1]])))
                .enumerate()
                .filter(|&(_, w)| w != 0)
                .collect();
        }
        let mut row = Vec::new();
        for i in start as usize.. {
            let entry = self.entry(i);
            row.push(unpack(entry));
            if entry & LAST_IN_ROW != 0 {
                break;
            }
        }
        row
    }

    /// (key, row start) of every row, by increasing key.
    fn sorted_rows(&self) -> Vec<(u32, u32)> {
        let table = self.slots.as_slice();
        let mut rows: Vec<(u32, u32)> = (0..table.len() / 8)
            .map(|i| (read_u32(table, 2 * i), read_u32(table, 2 * i + 1)))
            .filter(|&(_, start)| start != EMPTY)
            .collect();
        rows.sort_unstable();
        rows
    }

    /// The sum of two models over the same classes: scoring with it is scoring with both and
    /// adding up, so an ensemble of models trained with different seeds costs nothing at
    /// prediction time.
    pub fn sum(&self, other: &Model) -> Model {
        let (mine, theirs) = (self.sorted_rows(), other.sorted_rows());
        let mut keys: Vec<u32> = mine.iter().chain(&theirs).map(|&(k, _)| k).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut builder = ModelBuilder::new(self.n_classes);
        let mut row = vec![0i32; self.n_classes];
        let (mut i, mut j) = (0, 0);
        for key in keys {
            row.iter_mut().for_each(|w| *w = 0);
            for (model, rows, k) in [(self, &mine, &mut i), (other, &theirs, &mut j)] {
                if *k < rows.len() && rows[*k].0 == key {
                    for (class, weight) in model.row(rows[*k].1) {
                        row[class] += weight;
                    }
                    *k += 1;
                }
            }
            let clamp = |w: i32| w.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16;
            builder.push(key, row.iter().enumerate().map(|(c, &w)| (c as u16, clamp(w))));
        }
        builder.finish()
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Writes `scores[c]` = the sum of the weights of `features` for class `c`, in units of
    /// 1/[`WEIGHT_STEPS`].
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        let mut starts = [EMPTY; BATCH];
        for batch in features.chunks(BATCH) {
            // Touch every home slot first: these loads do not depend on each other, so the
            // processor overlaps their cache misses; the probes below then hit the cache.
            let table = self.slots.as_slice();
            let mut touched = 0u64;
            for &key in batch {
                touched ^= read_u64(table, (short(key) >> self.shift) as usize);
            }
            std::hint::black_box(touched);
            for (start, &key) in starts.iter_mut().zip(batch) {
                *start = self.find(short(key));
            }
            let starts = &starts[..batch.len()];
            // The same for the rows found: the first entry of a sparse row, every cache line
            // of a dense one.
            let mut touched = 0u32;
            for &start in starts {
                if start == EMPTY {
                } else if start & DENSE == 0 {
                    touched ^= self.entry(start as usize);
                } else {
                    for line in self.dense_row(start & !DENSE).chunks(64) {
                        touched ^= u32::from(line[0]);
                    }
                }
            }
            std::hint::black_box(touched);
            for &start in starts {
                if start == EMPTY {
                    continue;
                }
                if start & DENSE != 0 {
                    let row = self.dense_row(start & !DENSE);
                    for (score, weight) in scores.iter_mut().zip(row.chunks_exact(2)) {
                        *score += i32::from(i16::from_le_bytes([weight[0], weight[1]]));
                    }
                    continue;
                }
                let mut i = start as usize;
                loop {
                    let entry = self.entry(i);
                    let (class, weight) = unpack(entry);
                    scores[class] += weight;
                    if entry & LAST_IN_ROW != 0 {
                        break;
                    }
                    i += 1;
                }
            }
        }
    }

    /// Writes the model: entries with |weight| below `prune` are dropped; keys are sorted and
    /// delta-encoded as varints, weights stored as varints in units of 1/[`WEIGHT_STEPS`].
    pub fn write(&self, writer: &mut WeightsWriter, prune: f32) {
        let rows: Vec<(u32, Vec<(usize, i32)>)> = self
            .sorted_rows()
            .into_iter()
            .filter_map(|(key, start)| {
                let entries: Vec<(usize, i32)> = self
                    .row(start)
                    .into_iter()
                    // Pruning looks at the quantized weight, so re-pruning a loaded file gives
                    // the same bytes as pruning the trained model.
                    .filter(|&(_, q)| q != 0 && q.abs() as f32 >= prune * WEIGHT_STEPS)
                    .collect();
                (!entries.is_empty()).then_some((key, entries))
            })
            .collect();
        writer.u32(self.n_classes as u32);
        writer.u32(rows.len() as u32);
        let mut previous = 0u64;
        for (key, entries) in rows {
            writer.varint(u64::from(key) - previous);
            previous = u64::from(key);
            writer.varint(entries.len() as u64);
            for (class, weight) in entries {
                writer.varint(class as u64);
                writer.signed_varint(i64::from(weight));
            }
        }
    }

    /// Reads a model written by [`Model::write`].
    pub fn read(reader: &mut WeightsReader<'_>) -> Result<Model, WeightsError> {
        let n_classes = reader.u32()? as usize;
        if n_classes == 0 || n_classes > MAX_CLASSES {
            return Err(WeightsError::Malformed("bad number of classes"));
        }
        let n_rows = reader.count(3)?;
        let mut builder = ModelBuilder::new(n_classes);
        builder.keys.reserve(n_rows);
        let mut key = 0u64;
        let mut row = Vec::with_capacity(n_classes);
        for index in 0..n_rows {
            let delta = reader.varint()?;
            if index > 0 && delta == 0 {
                return Err(WeightsError::Malformed("feature keys are not strictly increasing"));
            }
            key = key
                .checked_add(delta)
                .filter(|&k| k <= u64::from(u32::MAX))
                .ok_or(WeightsError::Malformed("a feature key is out of range"))?;
            let n = reader.varint()?;
            if n == 0 || n > n_classes as u64 {
                return Err(WeightsError::Malformed("a feature has a bad number of weights"));
            }
            row.clear();
            for _ in 0..n {
                let class = reader.varint()?;
                if class >= n_classes as u64 {
                    return Err(WeightsError::Malformed("a weight names a class out of range"));
                }
                let weight = i16::try_from(reader.signed_varint()?)
                    .ok()
                    .filter(|&w| w != 0)
                    .ok_or(WeightsError::Malformed("a weight is zero or out of range"))?;
                row.push((class as u16, weight));
            }
            builder.push(key as u32, row.iter().copied());
        }
        Ok(builder.finish())
    }
}

/// Quantization of weights: multiples of 1/32, ample for averaged perceptron weights.
pub const WEIGHT_STEPS: f32 = 32.0;

/// The `index`-th little-endian u32 of `bytes`.
fn read_u32(bytes: &[u8], index: usize) -> u32 {
    u32::from_le_bytes(bytes[4 * index..4 * index + 4].try_into().expect("4 bytes"))
}

/// The `index`-th little-endian u64 of `bytes`.
fn read_u64(bytes: &[u8], index: usize) -> u64 {
    u64::from_le_bytes(bytes[8 * index..8 * index + 8].try_into().expect("8 bytes"))
}

/// The 32-bit key a model looks a feature up by.
fn short(key: u64) -> u32 {
    (key >> 32) as u32
}

/// The best class among those `allowed`, by score; ties go to the lowest class.
pub fn argmax(scores: &[i32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (class, &score) in scores.iter().enumerate() {
        if allowed(class) && best.is_none_or(|b| score > scores[b]) {
            best = Some(class);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model with one dense and two sparse rows, and the same weights as plain rows.
    fn sample() -> (Model, Vec<(u64, Vec<i16>)>) {
        let n_classes = 20;
        let mut rows = Vec::new();
        for (k, filled) in [(3u64, 20usize), (7, 2), (9, 5)] {
            let row: Vec<i16> = (0..n_classes)
                .map(|c| if c < filled { (c as i16 - 7) * 3 + k as i16 } else { 0 })
                .collect();
            rows.push((k << 40, row));
        }
        let mut builder = ModelBuilder::new(n_classes);
        for (key, row) in &rows {
            builder.push(short(*key), row.iter().enumerate().map(|(c, &w)| (c as u16, w)));
        }
        (builder.finish(), rows)
    }

    fn naive(rows: &[(u64, Vec<i16>)], features: &[u64], n_classes: usize) -> Vec<i32> {
        let mut scores = vec![0; n_classes];
        for f in features {
            for (key, row) in rows.iter().filter(|(k, _)| k == f) {
                let _ = key;
                row.iter().enumerate().for_each(|(c, &w)| scores[c] += i32::from(w));
            }
        }
        scores
    }

    #[test]
    fn dense_and_sparse_rows_score_like_plain_sums() {
        let (model, rows) = sample();
        assert!(is_dense(20, 20) && !is_dense(5, 20));
        let features = [3 << 40, 5 << 40, 7 << 40, 9 << 40, 3 << 40];
        let mut scores = vec![0; 20];
        model.score(&features, &mut scores);
        assert_eq!(scores, naive(&rows, &features, 20));
        // More features than one batch holds.
        let many: Vec<u64> = (0..300).map(|i| [3u64, 7, 9, 11][i % 4] << 40).collect();
        model.score(&many, &mut scores);
        assert_eq!(scores, naive(&rows, &many, 20));
    }

    #[test]
    fn models_round_trip_and_add_up() {
        let (model, _) = sample();
        let mut writer = WeightsWriter::default();
        model.write(&mut writer, 0.0);
        let bytes = writer.finish(b"DYADTEST", 1);
        let mut reader = WeightsReader::open(&bytes, b"DYADTEST", 1, "test").unwrap();
        let read = Model::read(&mut reader).unwrap();
        reader.finish().unwrap();
        let features = [3 << 40, 7 << 40, 9 << 40];
        let (mut a, mut b, mut doubled) = (vec![0; 20], vec![0; 20], vec![0; 20]);
        model.score(&features, &mut a);
        read.score(&features, &mut b);
        assert_eq!(a, b);
        model.sum(&read).score(&features, &mut doubled);
        assert_eq!(doubled, a.iter().map(|s| 2 * s).collect::<Vec<_>>());
        let empty = Model::empty(20);
        empty.score(&features, &mut b);
        assert_eq!(b, vec![0; 20]);
    }
}
