//! The averaged perceptron shared by the tagger and the parser: a sparse table from feature key
//! to (class, weight) entries.
//!
//! [`Trainer`] holds integer weights with lazy averaging (each entry remembers when it last
//! changed); [`Trainer::average`] yields the [`Model`] used for prediction. A model is saved
//! pruned (entries whose averaged weight is tiny are dropped) and quantized to i16, which keeps the
//! files small with no measurable loss. A model looks features up by the top 32 bits of their
//! key (collisions among a few million features are rare and harmless), which lets the file
//! store sorted keys as small varint deltas.

use super::hash::FeatureMap;
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
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for key in features {
            if let Some(&row) = self.index.get(key) {
                for entry in &self.rows[row as usize] {
                    scores[entry.class as usize] += entry.weight as f32;
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

    /// The averaged weights, as a prediction model.
    pub fn average(&self) -> Model {
        let now = self.instances.max(1);
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (short(k), r)).collect();
        keys.sort_unstable();
        let mut model = Model::empty(self.n_classes);
        let mut row = vec![0f32; self.n_classes];
        let mut i = 0;
        while i < keys.len() {
            // Features whose short keys collide share one row.
            row.iter_mut().for_each(|w| *w = 0.0);
            let key = keys[i].0;
            while i < keys.len() && keys[i].0 == key {
                for e in &self.rows[keys[i].1 as usize] {
                    let total = e.total + i64::from(e.weight) * i64::from(now - e.stamp);
                    row[e.class as usize] += (total as f64 / f64::from(now)) as f32;
                }
                i += 1;
            }
            model.push_row(key, &row);
        }
        model
    }
}

/// Averaged weights for prediction.
#[derive(Clone, Debug)]
pub struct Model {
    n_classes: usize,
    index: FeatureMap<(u32, u32)>,
    classes: Vec<u16>,
    weights: Vec<f32>,
}

impl Model {
    /// A model with no weights (every score zero).
    pub fn empty(n_classes: usize) -> Model {
        Model { n_classes, index: FeatureMap::default(), classes: Vec::new(), weights: Vec::new() }
    }

    /// Adds the non-zero weights of a dense row under a short key not yet present.
    fn push_row(&mut self, key: u64, row: &[f32]) {
        let start = self.classes.len() as u32;
        for (class, &weight) in row.iter().enumerate() {
            if weight != 0.0 {
                self.classes.push(class as u16);
                self.weights.push(weight);
            }
        }
        if self.classes.len() as u32 > start {
            self.index.insert(key, (start, self.classes.len() as u32));
        }
    }

    /// The sum of two models over the same classes: scoring with it is scoring with both and
    /// adding up, so an ensemble of models trained with different seeds costs nothing at
    /// prediction time.
    pub fn sum(&self, other: &Model) -> Model {
        let mut keys: Vec<u64> = self.index.keys().chain(other.index.keys()).copied().collect();
        keys.sort_unstable();
        keys.dedup();
        let mut out = Model::empty(self.n_classes);
        let mut row = vec![0f32; self.n_classes];
        for key in keys {
            row.iter_mut().for_each(|w| *w = 0.0);
            for model in [self, other] {
                if let Some(&(start, end)) = model.index.get(&key) {
                    for i in start as usize..end as usize {
                        row[model.classes[i] as usize] += model.weights[i];
                    }
                }
            }
            out.push_row(key, &row);
        }
        out
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Writes `scores[c]` = the sum of the weights of `features` for class `c`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &key in features {
            if let Some(&(start, end)) = self.index.get(&short(key)) {
                let (start, end) = (start as usize, end as usize);
                for (&class, &weight) in
                    self.classes[start..end].iter().zip(&self.weights[start..end])
                {
                    scores[class as usize] += weight;
                }
            }
        }
    }

    /// Writes the model: entries with |weight| below `prune` are dropped, the rest quantized
    /// to multiples of 1/[`WEIGHT_STEPS`]; keys are sorted and delta-encoded as varints.
    pub fn write(&self, writer: &mut WeightsWriter, prune: f32) {
        let mut keys: Vec<(u64, (u32, u32))> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let rows: Vec<(u64, Vec<(u16, i64)>)> = keys
            .into_iter()
            .filter_map(|(key, (start, end))| {
                let (start, end) = (start as usize, end as usize);
                let entries: Vec<(u16, i64)> = self.classes[start..end]
                    .iter()
                    .zip(&self.weights[start..end])
                    .map(|(&c, &w)| (c, (w * WEIGHT_STEPS).round() as i64))
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
            writer.varint(key - previous);
            previous = key;
            writer.varint(entries.len() as u64);
            for (class, weight) in entries {
                writer.varint(u64::from(class));
                writer.signed_varint(weight);
            }
        }
    }

    /// Reads a model written by [`Model::write`].
    pub fn read(reader: &mut WeightsReader<'_>) -> Result<Model, WeightsError> {
        let n_classes = reader.u32()? as usize;
        if n_classes == 0 || n_classes > usize::from(u16::MAX) {
            return Err(WeightsError::Malformed("bad number of classes"));
        }
        let n_rows = reader.count(3)?;
        let mut model = Model::empty(n_classes);
        model.index.reserve(n_rows);
        let mut key = 0u64;
        for row in 0..n_rows {
            let delta = reader.varint()?;
            if row > 0 && delta == 0 {
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
            let start = model.classes.len() as u32;
            for _ in 0..n {
                let class = reader.varint()?;
                if class >= n_classes as u64 {
                    return Err(WeightsError::Malformed("a weight names a class out of range"));
                }
                let weight = reader.signed_varint()?;
                model.classes.push(class as u16);
                model.weights.push(weight as f32 / WEIGHT_STEPS);
            }
            model.index.insert(key, (start, model.classes.len() as u32));
        }
        Ok(model)
    }
}

/// Quantization of stored weights: multiples of 1/32, ample for averaged perceptron weights.
pub const WEIGHT_STEPS: f32 = 32.0;

/// The 32-bit key a model looks a feature up by.
fn short(key: u64) -> u64 {
    key >> 32
}

/// The best class among those `allowed`, by score; ties go to the lowest class.
pub fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (class, &score) in scores.iter().enumerate() {
        if allowed(class) && best.is_none_or(|b| score > scores[b]) {
            best = Some(class);
        }
    }
    best
}
