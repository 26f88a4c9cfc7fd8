//! A CoNLL-U reader: treebank text in, sentences of syntactic words out.
//!
//! Multiword-token lines (`3-4`) and empty nodes (`8.1`) are skipped: the tagger and parser work
//! on syntactic words, as the CoNLL 2018 scorer does with gold tokenization. No IO: the caller
//! passes the file's text.

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreebankWord {
    /// The word form (column 2).
    pub form: String,
    /// The lemma (column 3).
    pub lemma: String,
    /// Universal part of speech (column 4).
    pub upos: String,
    /// Penn Treebank tag (column 5).
    pub xpos: String,
    /// Head, 1-based; 0 is the root (column 7).
    pub head: usize,
    /// Universal dependency relation, subtype included (column 8).
    pub deprel: String,
}

/// One sentence: its words in order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TreebankSentence {
    /// The `# sent_id` comment, when present.
    pub id: Option<String>,
    /// The syntactic words.
    pub words: Vec<TreebankWord>,
}

/// A line of CoNLL-U text that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Reads every sentence of a CoNLL-U document.
pub fn read_conllu(text: &str) -> Result<Vec<TreebankSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = TreebankSentence::default();
    for (line_idx, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            current.id = None;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(id) = comment.trim().strip_prefix("sent_id =") {
                current.id = Some(id.trim().to_string());
            }
            continue;
        }
        let error =
            |message: &str| ConlluError { line: line_idx + 1, message: message.to_string() };
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(error(&format!(
                "expected 10 tab-separated columns, found {}",
                columns.len()
            )));
        }
        if columns[0].contains('-') || columns[0].contains('.') {
            continue;
        }
        let id: usize = columns[0].parse().map_err(|_| error("the word id is not a number"))?;
        if id != current.words.len() + 1 {
            return Err(error(&format!("word id {id} out of sequence")));
        }
        let head = match columns[6] {
            "_" => 0,
            h => h.parse().map_err(|_| error("the head is not a number"))?,
        };
        current.words.push(TreebankWord {
            form: columns[1].to_string(),
            lemma: columns[2].to_string(),
            upos: columns[3].to_string(),
            xpos: columns[4].to_string(),
            head,
            deprel: columns[7].to_string(),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    for sentence in &sentences {
        let n = sentence.words.len();
        if sentence.words.iter().any(|w| w.head > n) {
            return Err(ConlluError {
                line: 0,
                message: format!(
                    "sentence {} has a head outside the sentence",
                    sentence.id.as_deref().unwrap_or("?")
                ),
            });
        }
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_multiword_tokens_and_empty_nodes() {
        let text = "# sent_id = a\n# text = I can't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
                    2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n\
                    3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\n";
        let sentences = read_conllu(text).unwrap();
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].id.as_deref(), Some("a"));
        let forms: Vec<&str> = sentences[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["I", "ca", "n't"]);
        assert_eq!(sentences[0].words[0].head, 3);
        assert_eq!(sentences[0].words[2].deprel, "root");
    }

    #[test]
    fn reports_bad_lines_with_their_number() {
        let error = read_conllu("1\tI\tI\n").unwrap_err();
        assert_eq!(error.line, 1);
        let error = read_conllu("1\tI\tI\tPRON\tPRP\t_\tx\tnsubj\t_\t_\n").unwrap_err();
        assert!(error.message.contains("head"));
    }
}
