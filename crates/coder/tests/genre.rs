//! Data test: the default `discard-genre sport` entries against BBC News, whose articles are
//! labelled by section (`bbc-sport-...`), and Reuters-21578, which has next to no sport. Most
//! sports reports must be dropped and next to no other article. Skipped without the corpus.

use dyad_coder::Pipeline;

/// (articles dropped, articles) for the ids `group` rejects, then for those it accepts.
fn dropped_share(path: &std::path::Path, group: impl Fn(&str) -> bool) -> [(usize, usize); 2] {
    let pipeline = Pipeline::with_defaults();
    let lexicon = pipeline.lexicon();
    let mut counts = [(0, 0); 2];
    // A bad line is the reader's business (tested there), not this test's.
    for article in dyad_ingest::open_path(path).unwrap().flatten() {
        let count = &mut counts[usize::from(group(&article.id))];
        count.1 += 1;
        if let Some(reason) = lexicon.story_discard(&article.text) {
            eprintln!("{}: {reason}", article.id);
            count.0 += 1;
        }
    }
    counts
}

#[test]
fn sports_reports_are_dropped_and_political_news_is_not() {
    let Some(bbc) = dyad_testdata::path("corpus/bbc-news/articles.jsonl") else { return };
    let [(other_dropped, others), (sport_dropped, sports)] =
        dropped_share(&bbc, |id| id.starts_with("bbc-sport-"));
    eprintln!("bbc: {sport_dropped} of {sports} sport, {other_dropped} of {others} others dropped");
    assert_eq!((sports, others), (511, 1714));
    // Measured 2026-11-29: 418 of 511 and 17 of 1,714, each of those 17 about sport.
    assert!(sport_dropped * 5 >= sports * 4, "under 4/5 of the sports reports dropped");
    assert!(other_dropped * 200 <= others * 3, "over 1.5% of the other sections dropped");
    let Some(reuters) = dyad_testdata::path("corpus/reuters-21578/articles.jsonl") else { return };
    let [(dropped, articles), _] = dropped_share(&reuters, |_| false);
    eprintln!("reuters: {dropped} of {articles} dropped");
    assert!(dropped <= 5, "{dropped} Reuters articles dropped");
}
