//! The store's typed errors: IO, a damaged or foreign file, and misuse of runs.

/// Why a store operation failed. Text never causes one: only the disk and the file can.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database engine reported an error (disk full, locked, IO).
    #[error("store: {0}")]
    Database(String),
    /// A file could not be read or written.
    #[error("store: {0}")]
    Io(#[from] std::io::Error),
    /// The file is not a dyad store, or its contents break the store's invariants.
    #[error("store is corrupt: {0}")]
    DataCorruption(String),
    /// The file was written by a newer dyad whose format this one does not know.
    #[error("store format version {found} is newer than this dyad understands ({supported})")]
    NewerFormat {
        /// The version found in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A run id that does not exist, or an operation a run does not allow.
    #[error("run {0}: {1}")]
    Run(i64, String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        match &error {
            rusqlite::Error::SqliteFailure(code, _)
                if matches!(
                    code.code,
                    rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
                ) =>
            {
                StoreError::DataCorruption(error.to_string())
            }
            _ => StoreError::Database(error.to_string()),
        }
    }
}

/// Shorthand for results of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
