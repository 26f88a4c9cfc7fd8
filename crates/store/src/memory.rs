//! The in-memory twin of the SQLite store: the same [`Storage`] semantics in plain collections,
//! for unit tests of code that stores events, and as a second reading of the contract (tests
//! run the same operations on both backends and compare).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dyad_model::{Article, Span};

use crate::dedup::{self, Candidate, DedupKey};
use crate::query::{
    self, ActorCount, ActorMatch, AggregateRow, EventFilter, Group, Period, PlaceCount, RowKey,
};
use crate::{
    BatchSummary, CodedRecord, Counts, DedupConfig, Mention, Result, Run, RunId, Storage,
    StoreError, StoredArticle, StoredEvent, Versions,
};

#[derive(Clone, Debug)]
struct ArticleRow {
    article: Article,
    hash: String,
    sentences: Vec<Span>,
}

#[derive(Clone, Debug)]
struct MentionRow {
    event: i64,
    run: RunId,
    article: usize,
    mention: Mention,
}

/// A store that lives in memory: nothing survives the value.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    runs: Vec<Run>,
    articles: Vec<ArticleRow>,
    by_id: HashMap<String, usize>,
    coded: BTreeSet<(RunId, usize)>,
    /// Event id -> (run, mention ids in order).
    events: BTreeMap<i64, (RunId, Vec<i64>)>,
    mentions: BTreeMap<i64, MentionRow>,
    next_event: i64,
    next_mention: i64,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn first_mention(&self, event: i64) -> &MentionRow {
        &self.mentions[&self.events[&event].1[0]]
    }

    fn stored_event(&self, id: i64, with_mentions: bool) -> StoredEvent {
        let (run, mention_ids) = &self.events[&id];
        let rows: Vec<&MentionRow> = mention_ids.iter().map(|m| &self.mentions[m]).collect();
        let outlets: BTreeSet<&str> = rows.iter().map(|m| m.mention.outlet.as_str()).collect();
        let articles: BTreeSet<usize> = rows.iter().map(|m| m.article).collect();
        StoredEvent {
            id,
            run: *run,
            event: rows[0].mention.event.clone(),
            mention_count: rows.len() as u64,
            source_count: outlets.len() as u64,
            article_count: articles.len() as u64,
            first_report: rows.iter().filter_map(|m| m.mention.report_date).min(),
            latest_report: rows.iter().filter_map(|m| m.mention.report_date).max(),
            mentions: if with_mentions {
                rows.iter().map(|m| m.mention.clone()).collect()
            } else {
                Vec::new()
            },
        }
    }

    fn current(&self, filter: &EventFilter) -> Option<RunId> {
        filter.run.or_else(|| self.runs.iter().find(|r| r.current).map(|r| r.id))
    }

    fn passes(&self, id: i64, run: RunId, filter: &EventFilter) -> bool {
        let (event_run, mention_ids) = &self.events[&id];
        if *event_run != run {
            return false;
        }
        if filter.after.is_some_and(|after| id <= after) {
            return false;
        }
        if let Some(article) = &filter.article
            && !mention_ids.iter().any(|m| self.mentions[m].mention.event.article_id == *article)
        {
            return false;
        }
        let e = &self.first_mention(id).mention.event;
        let day = e.date.map(|d| dedup::first_day(d).0);
        if let Some(from) = filter.from
            && day.is_none_or(|d| d < from.to_days())
        {
            return false;
        }
        if let Some(to) = filter.to
            && day.is_none_or(|d| d > to.to_days())
        {
            return false;
        }
        let target_code = e.target.as_ref().map(|t| t.code.as_str());
        if let Some(actor) = &filter.actor {
            let actor = ActorMatch::parse(actor);
            let target = e.target.as_ref().is_some_and(|t| actor.matches(&t.code, &t.text));
            if !actor.matches(&e.source.code, &e.source.text) && !target {
                return false;
            }
        }
        if let Some((source, target)) = &filter.dyad
            && !(e.source.code.starts_with(source.as_str())
                && target_code.is_some_and(|t| t.starts_with(target.as_str())))
        {
            return false;
        }
        if filter.code.as_ref().is_some_and(|c| !e.code.starts_with(c.as_str()))
            || filter.root.as_ref().is_some_and(|r| *r != e.root)
            || filter.quad.is_some_and(|q| e.quad_class != Some(q))
        {
            return false;
        }
        if let Some(country) = &filter.country {
            let prefix = |code: &str| code.chars().take(3).collect::<String>() == *country;
            let located = e.location.as_ref().is_some_and(|l| l.country.as_ref() == Some(country));
            if !located && !prefix(&e.source.code) && !target_code.is_some_and(prefix) {
                return false;
            }
        }
        if let Some(location) = &filter.location {
            let words = location.to_ascii_lowercase();
            if !e.location.as_ref().is_some_and(|l| l.name.to_ascii_lowercase().contains(&words)) {
                return false;
            }
        }
        if let Some(country) = &filter.location_country
            && e.location.as_ref().is_none_or(|l| l.country.as_ref() != Some(country))
        {
            return false;
        }
        if let Some(bbox) = &filter.bbox
            && !e.location.as_ref().is_some_and(|l| match (l.lat, l.lon) {
                (Some(lat), Some(lon)) => bbox.contains(lat, lon),
                _ => false,
            })
        {
            return false;
        }
        if let Some(text) = &filter.text {
            let found = mention_ids.iter().any(|m| {
                let row = &self.mentions[m];
                let article = &self.articles[row.article];
                article
                    .sentences
                    .get(row.mention.event.sentence)
                    .is_some_and(|span| query::text_matches(text, span.text(&article.article.text)))
            });
            if !found {
                return false;
            }
        }
        true
    }

    fn remove_article_rows(&mut self, article: usize) {
        let doomed: Vec<i64> =
            self.mentions.iter().filter(|(_, m)| m.article == article).map(|(&id, _)| id).collect();
        for id in doomed {
            let row = self.mentions.remove(&id).expect("listed above");
            let entry = self.events.get_mut(&row.event).expect("mention of a stored event");
            entry.1.retain(|&m| m != id);
            if entry.1.is_empty() {
                self.events.remove(&row.event);
            }
        }
        self.coded.retain(|&(_, a)| a != article);
    }

    fn insert_events(
        &mut self,
        run: RunId,
        article: usize,
        record: &CodedRecord,
        config: DedupConfig,
        summary: &mut BatchSummary,
    ) {
        let outlet = record.article.source.clone().unwrap_or_else(|| record.article.id.clone());
        for event in &record.events {
            let key = DedupKey::of(event);
            let candidates: Vec<Candidate> = self
                .events
                .iter()
                .filter(|(_, (r, _))| *r == run)
                .filter(|&(&id, _)| DedupKey::of(&self.first_mention(id).mention.event) == key)
                .map(|(&id, _)| Candidate { id, date: self.first_mention(id).mention.event.date })
                .collect();
            let event_id = match dedup::choose(event.date, &candidates, config) {
                Some(id) => id,
                None => {
                    self.next_event += 1;
                    summary.new_events += 1;
                    self.events.insert(self.next_event, (run, Vec::new()));
                    self.next_event
                }
            };
            self.next_mention += 1;
            let mut stored = event.clone();
            stored.article_id = record.article.id.clone();
            let mention =
                Mention { event: stored, report_date: record.article.date, outlet: outlet.clone() };
            self.mentions
                .insert(self.next_mention, MentionRow { event: event_id, run, article, mention });
            self.events.get_mut(&event_id).expect("just found or made").1.push(self.next_mention);
            summary.mentions += 1;
        }
        self.coded.insert((run, article));
    }
}

impl Storage for MemoryStore {
    fn runs(&self) -> Result<Vec<Run>> {
        let mut runs = self.runs.clone();
        for run in &mut runs {
            run.articles = self.coded.iter().filter(|(r, _)| *r == run.id).count() as u64;
            run.events = self.events.values().filter(|(r, _)| *r == run.id).count() as u64;
        }
        Ok(runs)
    }

    fn create_run(&mut self, versions: &Versions) -> Result<RunId> {
        let id = self.runs.last().map_or(1, |r| r.id + 1);
        let current = !self.runs.iter().any(|r| r.current);
        self.runs.push(Run {
            id,
            versions: versions.clone(),
            created: 0,
            current,
            articles: 0,
            events: 0,
        });
        Ok(id)
    }

    fn accept_run(&mut self, run: RunId) -> Result<()> {
        if !self.runs.iter().any(|r| r.id == run) {
            return Err(StoreError::Run(run, "no such run".into()));
        }
        for r in &mut self.runs {
            r.current = r.id == run;
        }
        Ok(())
    }

    fn discard_run(&mut self, run: RunId) -> Result<()> {
        match self.runs.iter().find(|r| r.id == run) {
            None => return Err(StoreError::Run(run, "no such run".into())),
            Some(r) if r.current => {
                return Err(StoreError::Run(run, "the current run cannot be discarded".into()));
            }
            Some(_) => {}
        }
        self.mentions.retain(|_, m| m.run != run);
        self.events.retain(|_, (r, _)| *r != run);
        self.coded.retain(|&(r, _)| r != run);
        self.runs.retain(|r| r.id != run);
        Ok(())
    }

    fn stored_hash(&self, article_id: &str) -> Result<Option<String>> {
        Ok(self.by_id.get(article_id).map(|&i| self.articles[i].hash.clone()))
    }

    fn is_coded(&self, run: RunId, article_id: &str) -> Result<bool> {
        Ok(self.by_id.get(article_id).is_some_and(|&i| self.coded.contains(&(run, i))))
    }

    fn write_articles(
        &mut self,
        run: RunId,
        batch: &[CodedRecord],
        dedup: DedupConfig,
    ) -> Result<BatchSummary> {
        if !self.runs.iter().any(|r| r.id == run) {
            return Err(StoreError::Run(run, "no such run".into()));
        }
        let mut summary = BatchSummary::default();
        for record in batch {
            let hash = crate::content_hash(&record.article);
            let row = ArticleRow {
                article: record.article.clone(),
                hash: hash.clone(),
                sentences: record.sentences.clone(),
            };
            let article = match self.by_id.get(&record.article.id).copied() {
                Some(i) if self.articles[i].hash == hash => {
                    if self.coded.contains(&(run, i)) {
                        summary.unchanged += 1;
                        continue;
                    }
                    i
                }
                Some(i) => {
                    self.remove_article_rows(i);
                    self.articles[i] = row;
                    summary.replaced += 1;
                    i
                }
                None => {
                    self.articles.push(row);
                    self.by_id.insert(record.article.id.clone(), self.articles.len() - 1);
                    summary.added += 1;
                    self.articles.len() - 1
                }
            };
            self.insert_events(run, article, record, dedup, &mut summary);
        }
        Ok(summary)
    }

    fn articles_to_code(&self, run: RunId, limit: usize) -> Result<Vec<Article>> {
        Ok((0..self.articles.len())
            .filter(|&i| !self.coded.contains(&(run, i)))
            .take(limit)
            .map(|i| self.articles[i].article.clone())
            .collect())
    }

    fn events(
        &self,
        filter: &EventFilter,
        with_mentions: bool,
        visit: &mut dyn FnMut(StoredEvent) -> Result<()>,
    ) -> Result<()> {
        let Some(run) = self.current(filter) else { return Ok(()) };
        let ids = self.events.keys().copied().filter(|&id| self.passes(id, run, filter));
        for id in ids.take(filter.limit.unwrap_or(usize::MAX)) {
            visit(self.stored_event(id, with_mentions))?;
        }
        Ok(())
    }

    fn places(&self, filter: &EventFilter, limit: usize) -> Result<Vec<PlaceCount>> {
        let Some(run) = self.current(filter) else { return Ok(Vec::new()) };
        let mut places: BTreeMap<(String, Option<String>, u64, u64), PlaceCount> = BTreeMap::new();
        for (&id, _) in self.events.iter().filter(|&(&id, _)| self.passes(id, run, filter)) {
            let e = &self.first_mention(id).mention.event;
            let Some(l) = &e.location else { continue };
            let (Some(lat), Some(lon)) = (l.lat, l.lon) else { continue };
            let key = (l.name.clone(), l.country.clone(), lat.to_bits(), lon.to_bits());
            let place = places.entry(key).or_insert_with(|| PlaceCount {
                name: l.name.clone(),
                country: l.country.clone(),
                lat,
                lon,
                precision: l.precision.clone(),
                events: 0,
            });
            place.events += 1;
            if query::precision_rank(&l.precision) < query::precision_rank(&place.precision) {
                place.precision = l.precision.clone();
            }
        }
        let mut places: Vec<PlaceCount> = places.into_values().collect();
        query::finish_places(&mut places, limit);
        Ok(places)
    }

    fn aggregate(
        &self,
        filter: &EventFilter,
        period: Option<Period>,
        group: Option<Group>,
    ) -> Result<Vec<AggregateRow>> {
        let Some(run) = self.current(filter) else { return Ok(Vec::new()) };
        let mut rows: BTreeMap<RowKey, (AggregateRow, u64)> = BTreeMap::new();
        for (&id, _) in self.events.iter().filter(|&(&id, _)| self.passes(id, run, filter)) {
            let stored = self.stored_event(id, false);
            let e = &stored.event;
            let bucket = match period {
                None => None,
                Some(p) => match e.date.and_then(|d| query::bucket(d, p)) {
                    Some(b) => Some(b),
                    None => continue,
                },
            };
            let keys: Vec<(Option<String>, Option<String>)> = match group {
                None => vec![(None, None)],
                Some(Group::Dyad) => vec![(
                    Some(e.source.code.clone()),
                    Some(e.target.as_ref().map(|t| t.code.clone()).unwrap_or_default()),
                )],
                Some(Group::Actor) => {
                    let mut keys = vec![(Some(e.source.code.clone()), None)];
                    if let Some(t) = e.target.as_ref().filter(|t| t.code != e.source.code) {
                        keys.push((Some(t.code.clone()), None));
                    }
                    keys
                }
            };
            for (actor, target) in keys {
                let (row, scored) =
                    rows.entry((bucket, actor.clone(), target.clone())).or_insert_with(|| {
                        (
                            AggregateRow {
                                period: period.zip(bucket).map(|(p, b)| query::bucket_label(b, p)),
                                actor,
                                target,
                                ..AggregateRow::default()
                            },
                            0,
                        )
                    });
                row.events += 1;
                row.mentions += stored.mention_count;
                if let Some(g) = e.goldstein {
                    row.goldstein_sum += g;
                    *scored += 1;
                }
                if let Some(q) = e.quad_class.filter(|q| (1..=4).contains(q)) {
                    row.quad[usize::from(q) - 1] += 1;
                }
            }
        }
        Ok(query::finish_aggregates(
            rows.into_values().map(|(row, scored)| (row, scored as i64)),
            filter.limit,
        ))
    }

    fn counts(&self) -> Result<Counts> {
        Ok(Counts {
            articles: self.articles.len() as u64,
            sentences: self.articles.iter().map(|a| a.sentences.len() as u64).sum(),
            events: self.events.len() as u64,
            mentions: self.mentions.len() as u64,
        })
    }

    fn article(&self, article_id: &str) -> Result<Option<StoredArticle>> {
        Ok(self.by_id.get(article_id).map(|&i| StoredArticle {
            article: self.articles[i].article.clone(),
            sentences: self.articles[i].sentences.clone(),
        }))
    }

    fn actors(&self, query: &str, limit: usize) -> Result<Vec<ActorCount>> {
        let Some(run) = self.current(&EventFilter::default()) else { return Ok(Vec::new()) };
        let matcher = ActorMatch::parse(query);
        let mut by_code: BTreeMap<String, ActorCount> = BTreeMap::new();
        for (&id, (event_run, _)) in &self.events {
            if *event_run != run {
                continue;
            }
            let e = &self.first_mention(id).mention.event;
            let mut actors = vec![&e.source];
            actors.extend(e.target.iter().filter(|t| t.code != e.source.code));
            for actor in actors {
                if !matcher.matches(&actor.code, &actor.text) {
                    continue;
                }
                let entry = by_code.entry(actor.code.clone()).or_insert_with(|| ActorCount {
                    code: actor.code.clone(),
                    text: actor.text.clone(),
                    events: 0,
                });
                entry.events += 1;
                if actor.text < entry.text {
                    entry.text = actor.text.clone();
                }
            }
        }
        let mut actors: Vec<ActorCount> = by_code.into_values().collect();
        query::finish_actors(&mut actors, limit);
        Ok(actors)
    }
}
