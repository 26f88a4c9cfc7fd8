//! Large read-mostly tables in memory backed by huge pages where the system offers them.
//!
//! The parser looks up about a hundred features per transition at random places in tens of
//! megabytes of weights; with ordinary 4 KiB pages nearly every lookup also misses the TLB, and
//! the page walk costs as much as the cache miss. An anonymous mapping advised `MADV_HUGEPAGE`
//! (Linux transparent huge pages) removes the page walks. Where mapping or advice fail, the
//! bytes simply live on the heap.

/// 2 MiB, the size of a huge page on x86-64 and most ARM64 systems.
const HUGE_PAGE: usize = 2 << 20;

/// A zero-initialised, fixed-size byte buffer, on huge pages where possible.
pub struct HugeBuffer {
    storage: Storage,
    /// Where the buffer starts inside the storage (aligned to a huge page when mapped).
    offset: usize,
    len: usize,
}

enum Storage {
    Mapped(memmap2::MmapMut),
    Heap(Vec<u8>),
}

impl HugeBuffer {
    /// A buffer of `len` zero bytes.
    pub fn zeroed(len: usize) -> HugeBuffer {
        if len >= HUGE_PAGE
            && let Ok(map) = memmap2::MmapMut::map_anon(len + HUGE_PAGE)
        {
            // Advice is a hint: when the kernel declines it the pages are ordinary ones.
            #[cfg(target_os = "linux")]
            let _ = map.advise(memmap2::Advice::HugePage);
            let address = map.as_ptr() as usize;
            let offset = (HUGE_PAGE - address % HUGE_PAGE) % HUGE_PAGE;
            return HugeBuffer { storage: Storage::Mapped(map), offset, len };
        }
        HugeBuffer { storage: Storage::Heap(vec![0; len]), offset: 0, len }
    }

    /// A buffer holding a copy of `bytes`.
    pub fn from_slice(bytes: &[u8]) -> HugeBuffer {
        let mut buffer = HugeBuffer::zeroed(bytes.len());
        buffer.as_mut_slice().copy_from_slice(bytes);
        buffer
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        let all: &[u8] = match &self.storage {
            Storage::Mapped(map) => map,
            Storage::Heap(vec) => vec,
        };
        &all[self.offset..self.offset + self.len]
    }

    /// The bytes, for writing.
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        let all: &mut [u8] = match &mut self.storage {
            Storage::Mapped(map) => map,
            Storage::Heap(vec) => vec,
        };
        &mut all[self.offset..self.offset + self.len]
    }
}

impl Clone for HugeBuffer {
    fn clone(&self) -> HugeBuffer {
        HugeBuffer::from_slice(self.as_slice())
    }
}

impl std::fmt::Debug for HugeBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HugeBuffer({} bytes)", self.len)
    }
}
