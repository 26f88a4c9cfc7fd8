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

#[cfg(test)]
mod tests {
    use dyad_model::{DateBasis, EventActor, PartialDate};

    use super::*;
    use crate::{EventFilter, MemoryStore, Versions};

    /// A toy coder: one event per sentence whose first word is a three-letter code.
    fn toy_coder(article: &Article) -> Coded {
        let mut sentences = Vec::new();
        let mut events = Vec::new();
        let mut start = 0;
        for piece in article.text.split_inclusive(". ") {
            let span = Span::new(start, start + piece.trim_end().len());
            start += piece.len();
            let words: Vec<&str> = piece.split_whitespace().collect();
            if words.len() >= 3 && words[0].len() == 3 {
                let actor = |w: &str| EventActor {
                    code: w.trim_end_matches('.').to_string(),
                    text: w.to_string(),
                    span,
                };
                events.push(Event {
                    article_id: article.id.clone(),
                    sentence: sentences.len(),
                    index_in_sentence: 0,
                    sentence_text: span.text(&article.text).to_string(),
                    date: article.date.map(PartialDate::Day),
                    date_basis: DateBasis::Article,
                    historical: false,
                    source: actor(words[0]),
                    target: Some(actor(words[2])),
                    code: "040".into(),
                    root: "04".into(),
                    quad_class: Some(1),
                    goldstein: Some(1.0),
                    plover: None,
                    verb_text: words[1].into(),
                    verb_span: span,
                    location: None,
                    negated: false,
                    rule: "toy".into(),
                    dyad_version: "toy".into(),
                    dictionaries_version: "toy".into(),
                });
            }
            sentences.push(span);
        }
        Coded { sentences, events, diagnostics: 0 }
    }

    fn articles() -> Vec<Article> {
        (0..60)
            .map(|i| {
                let mut a = Article::new(
                    format!("a{i}"),
                    format!(
                        "RUS met PSE. Nothing. {} hit {}.",
                        ["ISR", "SYR", "TUR"][i % 3],
                        ["GAZ", "IDL"][i % 2]
                    ),
                );
                a.date = dyad_model::Date::new(2020, 1, 1 + (i % 20) as u8).ok();
                a.source = Some(["tass", "afp", "bbc"][i % 3].into());
                a
            })
            .collect()
    }

    fn ingest_all(threads: usize) -> (MemoryStore, IngestTally) {
        let mut store = MemoryStore::new();
        let run =
            store.create_run(&Versions { dyad: "t".into(), dictionaries: "t".into() }).unwrap();
        let options =
            IngestOptions { threads, batch_size: 7, dedup: DedupConfig { window_days: 2 } };
        let mut ingester = Ingester::new(&mut store, run, toy_coder, options);
        for article in articles() {
            ingester.push(article).unwrap();
        }
        let tally = ingester.finish().unwrap();
        (store, tally)
    }

    fn all_events(store: &MemoryStore) -> Vec<crate::StoredEvent> {
        let mut out = Vec::new();
        store
            .events(&EventFilter::default(), true, &mut |e| {
                out.push(e);
                Ok(())
            })
            .unwrap();
        out
    }

    #[test]
    fn the_store_does_not_depend_on_the_thread_count() {
        let (one, tally) = ingest_all(1);
        let (three, _) = ingest_all(3);
        assert_eq!((tally.read, tally.written.added, tally.events), (60, 60, 120));
        assert_eq!(all_events(&one), all_events(&three));
        assert!(tally.written.new_events < 120, "repeats were merged: {tally:?}");
    }

    #[test]
    fn a_second_ingest_skips_everything() {
        let (mut store, _) = ingest_all(2);
        let before = all_events(&store);
        let mut ingester = Ingester::new(
            &mut store,
            1,
            toy_coder,
            IngestOptions { threads: 2, ..IngestOptions::default() },
        );
        for article in articles() {
            ingester.push(article).unwrap();
        }
        let tally = ingester.finish().unwrap();
        assert_eq!((tally.read, tally.skipped, tally.events), (60, 60, 0));
        assert_eq!(all_events(&store), before);
    }
}
