//! Coding articles in parallel and storing them in batches: the engine of `dyad ingest` and
//! `dyad recode`. The coder is passed in as a function, so this crate does not depend on it.
//!
//! Each batch is coded on `threads` scoped threads, then written in one transaction in input
//! order, so the store's contents (event ids, which report is an event's first) do not depend on
//! the number of threads, and a killed run loses at most the batch in flight.

use std::sync::atomic::{AtomicUsize, Ordering};

use dyad_model::{Article, Event, Span};

use crate::{BatchSummary, CodedRecord, DedupConfig, Result, RunId, Storage, content_hash};

/// What the coder made of one article.
#[derive(Clone, Debug, Default)]
pub struct Coded {
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Events, in sentence order.
    pub events: Vec<Event>,
    /// Number of diagnostics the coder reported.
    pub diagnostics: usize,
}

/// How to ingest.
#[derive(Clone, Copy, Debug)]
pub struct IngestOptions {
    /// Coding threads (at least 1).
    pub threads: usize,
    /// Articles per transaction.
    pub batch_size: usize,
    /// Deduplication window.
    pub dedup: DedupConfig,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            batch_size: 256,
            dedup: DedupConfig::default(),
        }
    }
}

/// Running totals of an ingest or recode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IngestTally {
    /// Articles received.
    pub read: u64,
    /// Articles skipped because they were already stored, unchanged, and coded in the run.
    pub skipped: u64,
    /// What the writes did.
    pub written: BatchSummary,
    /// Events the coder produced.
    pub events: u64,
    /// Diagnostics the coder reported.
    pub diagnostics: u64,
}

/// Codes `articles` with `code` on up to `threads` threads; results in input order.
pub fn code_all<F>(articles: &[Article], code: &F, threads: usize) -> Vec<Coded>
where
    F: Fn(&Article) -> Coded + Sync,
{
    let threads = threads.clamp(1, articles.len().max(1));
    if threads == 1 {
        return articles.iter().map(code).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Coded>> = vec![None; articles.len()];
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(article) = articles.get(i) else { break };
                        done.push((i, code(article)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            for (i, coded) in worker.join().expect("a coding thread panicked") {
                results[i] = Some(coded);
            }
        }
    });
    results.into_iter().map(|c| c.expect("every article was coded")).collect()
}

/// Receives articles one at a time and stores them batch by batch into one run.
pub struct Ingester<'a, S: Storage, F: Fn(&Article) -> Coded + Sync> {
    store: &'a mut S,
    run: RunId,
    code: F,
    options: IngestOptions,
    pending: Vec<Article>,
    tally: IngestTally,
}

impl<'a, S: Storage, F: Fn(&Article) -> Coded + Sync> Ingester<'a, S, F> {
    /// An ingester writing into `run` of `store`.
    pub fn new(store: &'a mut S, run: RunId, code: F, options: IngestOptions) -> Self {
        Ingester { store, run, code, options, pending: Vec::new(), tally: IngestTally::default() }
    }

    /// Queues an article; returns true when this completed and wrote a batch.
    pub fn push(&mut self, article: Article) -> Result<bool> {
        self.tally.read += 1;
        self.pending.push(article);
        if self.pending.len() >= self.options.batch_size.max(1) {
            self.flush()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Totals so far.
    pub fn tally(&self) -> IngestTally {
        self.tally
    }

    /// Writes what is queued and returns the totals.
    pub fn finish(mut self) -> Result<IngestTally> {
        self.flush()?;
        Ok(self.tally)
    }

    fn flush(&mut self) -> Result<()> {
        let mut todo = Vec::with_capacity(self.pending.len());
        for article in self.pending.drain(..) {
            // Skip the coding (the expensive part) of what is already stored; write_articles
            // checks again inside its transaction.
            let unchanged = self.store.stored_hash(&article.id)?.as_deref()
                == Some(content_hash(&article).as_str())
                && self.store.is_coded(self.run, &article.id)?;
            if unchanged {
                self.tally.skipped += 1;
            } else {
                todo.push(article);
            }
        }
        if todo.is_empty() {
            return Ok(());
        }
        let written =
            code_and_write(self.store, self.run, todo, &self.code, self.options, &mut self.tally)?;
        self.tally.skipped += written.unchanged;
        Ok(())
    }
}

fn code_and_write<S: Storage, F: Fn(&Article) -> Coded + Sync>(
    store: &mut S,
    run: RunId,
    articles: Vec<Article>,
    code: &F,
    options: IngestOptions,
    tally: &mut IngestTally,
) -> Result<BatchSummary> {
    let coded = code_all(&articles, code, options.threads);
    let records: Vec<CodedRecord> = articles
        .into_iter()
        .zip(coded)
        .map(|(article, coded)| {
            tally.events += coded.events.len() as u64;
            tally.diagnostics += coded.diagnostics as u64;
            CodedRecord { article, sentences: coded.sentences, events: coded.events }
        })
        .collect();
    let written = store.write_articles(run, &records, options.dedup)?;
    tally.written.add(written);
    Ok(written)
}

/// Codes every stored article not yet coded in `run`, batch by batch, calling `progress` after
/// each batch. Resumable: what a killed recode committed is not coded again.
pub fn recode<S: Storage, F: Fn(&Article) -> Coded + Sync>(
    store: &mut S,
    run: RunId,
    code: &F,
    options: IngestOptions,
    progress: &mut dyn FnMut(&IngestTally),
) -> Result<IngestTally> {
    let mut tally = IngestTally::default();
    loop {
        let articles = store.articles_to_code(run, options.batch_size.max(1))?;
        if articles.is_empty() {
            return Ok(tally);
        }
        tally.read += articles.len() as u64;
        code_and_write(store, run, articles, code, options, &mut tally)?;
        progress(&tally);
    }
}
