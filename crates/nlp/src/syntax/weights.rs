//! The binary container of trained weights: magic, format version, payload length, payload and
//! a checksum, all little-endian.
//!
//! ```text
//! magic (8 bytes) | version u32 | payload length u64 | payload | FNV-1a 64 of payload (u64)
//! ```
//!
//! Each kind of file (magic) has its own version, raised whenever the same bytes would mean
//! something else to the code: the tagger is at version 2 since it tags right to left.
//!
//! Reading checks every length against the bytes left, so a truncated or corrupted file gives a
//! [`WeightsError`], never a panic or a half-loaded model.

/// Why a weights file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WeightsError {
    /// The file does not start with the expected magic number.
    #[error("not a dyad {expected} weights file (bad magic number)")]
    BadMagic {
        /// Which kind of weights were expected.
        expected: &'static str,
    },
    /// The file was written in a format version this build does not read.
    #[error(
        "weights format version {found} is not supported (this build reads version {supported})"
    )]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// The file ends before its declared content does.
    #[error("weights file is truncated: {needed} bytes needed, {available} available")]
    Truncated {
        /// Bytes the header or a field declares.
        needed: u64,
        /// Bytes actually present.
        available: u64,
    },
    /// The payload does not match its checksum.
    #[error("weights file is corrupted: checksum mismatch")]
    ChecksumMismatch,
    /// The payload is complete and checksummed but its content is inconsistent.
    #[error("weights file is malformed: {0}")]
    Malformed(&'static str),
}

const HEADER_LEN: usize = 8 + 4 + 8;

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Builds a payload, then wraps it with header and checksum.
#[derive(Default)]
pub struct WeightsWriter {
    payload: Vec<u8>,
}

impl WeightsWriter {
    /// Appends a byte.
    pub fn u8(&mut self, value: u8) {
        self.payload.push(value);
    }
    /// Appends a u16.
    pub fn u16(&mut self, value: u16) {
        self.payload.extend_from_slice(&value.to_le_bytes());
    }
    /// Appends a u32.
    pub fn u32(&mut self, value: u32) {
        self.payload.extend_from_slice(&value.to_le_bytes());
    }
    /// Appends a u64.
    pub fn u64(&mut self, value: u64) {
        self.payload.extend_from_slice(&value.to_le_bytes());
    }
    /// Appends an i16.
    pub fn i16(&mut self, value: i16) {
        self.payload.extend_from_slice(&value.to_le_bytes());
    }
    /// Appends an f32.
    pub fn f32(&mut self, value: f32) {
        self.payload.extend_from_slice(&value.to_le_bytes());
    }
    /// Appends an unsigned LEB128 varint (1 byte below 128).
    pub fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.payload.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.payload.push(value as u8);
    }
    /// Appends a signed varint (zigzag, so small magnitudes take one byte).
    pub fn signed_varint(&mut self, value: i64) {
        self.varint(((value << 1) ^ (value >> 63)) as u64);
    }
    /// Appends a length-prefixed UTF-8 string.
    pub fn str(&mut self, value: &str) {
        self.u32(value.len() as u32);
        self.payload.extend_from_slice(value.as_bytes());
    }
    /// The complete file: header (`magic`, `version`), payload, checksum.
    pub fn finish(self, magic: &[u8; 8], version: u32) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.payload.len() + 8);
        out.extend_from_slice(magic);
        out.extend_from_slice(&version.to_le_bytes());
        out.extend_from_slice(&(self.payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.payload);
        out.extend_from_slice(&fnv1a(&self.payload).to_le_bytes());
        out
    }
}

/// Reads a checked payload field by field; every read is bounds-checked.
pub struct WeightsReader<'a> {
    payload: &'a [u8],
    position: usize,
}

impl<'a> WeightsReader<'a> {
    /// Checks magic, version (`version` is the one this build reads), length and checksum,
    /// and returns a reader over the payload.
    pub fn open(
        bytes: &'a [u8],
        magic: &[u8; 8],
        version: u32,
        kind: &'static str,
    ) -> Result<WeightsReader<'a>, WeightsError> {
        let truncated = |needed: usize| WeightsError::Truncated {
            needed: needed as u64,
            available: bytes.len() as u64,
        };
        if bytes.len() < 8 {
            return Err(if magic.starts_with(bytes) {
                truncated(HEADER_LEN)
            } else {
                WeightsError::BadMagic { expected: kind }
            });
        }
        if &bytes[..8] != magic {
            return Err(WeightsError::BadMagic { expected: kind });
        }
        if bytes.len() < HEADER_LEN {
            return Err(truncated(HEADER_LEN));
        }
        let found = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        if found != version {
            return Err(WeightsError::UnsupportedVersion { found, supported: version });
        }
        let payload_len = u64::from_le_bytes(bytes[12..20].try_into().expect("8 bytes"));
        let needed = (HEADER_LEN as u64).saturating_add(payload_len).saturating_add(8);
        if (bytes.len() as u64) < needed {
            return Err(WeightsError::Truncated { needed, available: bytes.len() as u64 });
        }
        if (bytes.len() as u64) > needed {
            return Err(WeightsError::Malformed("trailing bytes after the checksum"));
        }
        let payload = &bytes[HEADER_LEN..HEADER_LEN + payload_len as usize];
        let stored = u64::from_le_bytes(bytes[bytes.len() - 8..].try_into().expect("8 bytes"));
        if fnv1a(payload) != stored {
            return Err(WeightsError::ChecksumMismatch);
        }
        Ok(WeightsReader { payload, position: 0 })
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], WeightsError> {
        let end = self.position.checked_add(n).filter(|&end| end <= self.payload.len());
        let end = end.ok_or(WeightsError::Malformed("a field runs past the end of the payload"))?;
        let slice = &self.payload[self.position..end];
        self.position = end;
        Ok(slice)
    }
    /// Reads a byte.
    pub fn u8(&mut self) -> Result<u8, WeightsError> {
        Ok(self.take(1)?[0])
    }
    /// Reads a u16.
    pub fn u16(&mut self) -> Result<u16, WeightsError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }
    /// Reads a u32.
    pub fn u32(&mut self) -> Result<u32, WeightsError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    /// Reads a u64.
    pub fn u64(&mut self) -> Result<u64, WeightsError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
    /// Reads an i16.
    pub fn i16(&mut self) -> Result<i16, WeightsError> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }
    /// Reads an f32.
    pub fn f32(&mut self) -> Result<f32, WeightsError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    /// Reads an unsigned LEB128 varint.
    pub fn varint(&mut self) -> Result<u64, WeightsError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(WeightsError::Malformed("a varint is longer than 64 bits"))
    }
    /// Reads a signed (zigzag) varint.
    pub fn signed_varint(&mut self) -> Result<i64, WeightsError> {
        let raw = self.varint()?;
        Ok(((raw >> 1) as i64) ^ -((raw & 1) as i64))
    }
    /// Reads a length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<String, WeightsError> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec())
            .map_err(|_| WeightsError::Malformed("a string is not UTF-8"))
    }
    /// A count that must fit in the bytes left, each item taking at least `min_item_bytes`;
    /// this keeps a corrupted count from making the loader reserve gigabytes.
    pub fn count(&mut self, min_item_bytes: usize) -> Result<usize, WeightsError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item_bytes.max(1)) > self.payload.len() - self.position {
            return Err(WeightsError::Malformed("a count exceeds the bytes left"));
        }
        Ok(n)
    }
    /// Fails unless the whole payload was read.
    pub fn finish(self) -> Result<(), WeightsError> {
        if self.position == self.payload.len() {
            Ok(())
        } else {
            Err(WeightsError::Malformed("unread bytes at the end of the payload"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"DYADTEST";

    fn sample() -> Vec<u8> {
        let mut writer = WeightsWriter::default();
        writer.u32(7);
        writer.str("hello");
        writer.f32(1.5);
        for v in [0i64, -1, 63, -64, 1000, -100_000, i64::MAX, i64::MIN] {
            writer.signed_varint(v);
        }
        writer.finish(MAGIC, 1)
    }

    #[test]
    fn round_trips() {
        let bytes = sample();
        let mut reader = WeightsReader::open(&bytes, MAGIC, 1, "test").unwrap();
        assert_eq!(reader.u32().unwrap(), 7);
        assert_eq!(reader.str().unwrap(), "hello");
        assert_eq!(reader.f32().unwrap(), 1.5);
        for v in [0i64, -1, 63, -64, 1000, -100_000, i64::MAX, i64::MIN] {
            assert_eq!(reader.signed_varint().unwrap(), v);
        }
        reader.finish().unwrap();
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_an_error() {
        let bytes = sample();
        for len in 0..bytes.len() {
            assert!(WeightsReader::open(&bytes[..len], MAGIC, 1, "test").is_err(), "length {len}");
        }
        for i in 0..bytes.len() {
            let mut corrupted = bytes.clone();
            corrupted[i] ^= 0x40;
            assert!(WeightsReader::open(&corrupted, MAGIC, 1, "test").is_err(), "byte {i}");
        }
        assert_eq!(
            WeightsReader::open(b"DYADOTHRxxxxxxxxxxxxxxxxxxxxxxxxx", MAGIC, 1, "test").err(),
            Some(WeightsError::BadMagic { expected: "test" })
        );
    }
}
