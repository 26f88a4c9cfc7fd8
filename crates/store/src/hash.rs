//! The content hash that tells an unchanged article from an edited one on re-ingest.
//!
//! FNV-1a with 128 bits: not cryptographic (nobody attacks their own store), but wide enough that
//! two different versions of one article never collide in practice, and dependency-free.

use dyad_model::Article;

const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;

fn feed(mut hash: u128, bytes: &[u8]) -> u128 {
    for &byte in bytes {
        hash ^= u128::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}

/// The hash of everything that can change how an article is coded: text, date, source, title
/// and metadata. Each field is length-prefixed so that moving bytes between fields changes it.
pub fn content_hash(article: &Article) -> String {
    let date = article.date.map(|d| d.to_string()).unwrap_or_default();
    let metadata = serde_json::Value::Object(article.metadata.clone()).to_string();
    let fields = [
        article.text.as_str(),
        date.as_str(),
        article.source.as_deref().unwrap_or("\u{0}"),
        article.title.as_deref().unwrap_or("\u{0}"),
        metadata.as_str(),
    ];
    let mut hash = OFFSET;
    for field in fields {
        hash = feed(hash, &(field.len() as u64).to_le_bytes());
        hash = feed(hash, field.as_bytes());
    }
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_articles_hash_equal_and_edits_change_the_hash() {
        let a = Article::new("a", "Russia met Palestine.");
        let mut b = a.clone();
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_eq!(content_hash(&a).len(), 32);
        b.text.push(' ');
        assert_ne!(content_hash(&a), content_hash(&b));
        let mut c = a.clone();
        c.title = Some(String::new());
        assert_ne!(content_hash(&a), content_hash(&c), "an empty title differs from none");
    }
}
