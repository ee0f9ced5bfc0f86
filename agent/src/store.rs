//! The agent's content store: blobs on disk named by their `blake2_256` hash.
//!
//! A blob is written to a temporary file and renamed into place, so a crash never leaves a
//! partial blob under a hash. Reads check the hash again: a blob changed on disk is refused.

use std::{
	fs,
	io::{self, Write},
	path::{Path, PathBuf},
	sync::atomic::{AtomicU64, Ordering},
};

use crate::hash::Hash;

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
	#[error("content store {path}: {source}")]
	Io { path: PathBuf, source: io::Error },
	#[error("blob {expected} on disk hashes to {actual}: refusing it")]
	Corrupt { expected: Hash, actual: Hash },
	#[error("content is {size} bytes, more than the limit of {limit}")]
	TooLarge { size: u64, limit: u64 },
}

/// Blobs under `<dir>/blobs/0x<hash>`.
#[derive(Clone, Debug)]
pub struct Store {
	dir: PathBuf,
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
	move |source| StoreError::Io { path: path.to_path_buf(), source }
}

impl Store {
	/// Opens (and creates) the store under `dir`.
	pub fn open(dir: &Path) -> Result<Self, StoreError> {
		let blobs = dir.join("blobs");
		fs::create_dir_all(&blobs).map_err(io_err(&blobs))?;
		Ok(Self { dir: dir.to_path_buf() })
	}

	fn path(&self, hash: &Hash) -> PathBuf {
		self.dir.join("blobs").join(hash.to_string())
	}

	/// Stores `bytes` and returns their hash.
	pub fn put(&self, bytes: &[u8]) -> Result<Hash, StoreError> {
		let hash = Hash::of(bytes);
		let path = self.path(&hash);
		if path.exists() {
			return Ok(hash);
		}
		// A name of its own for each write: two puts of the same blob at once (jobs side by
		// side) must not write into one temporary file.
		static NEXT: AtomicU64 = AtomicU64::new(0);
		let n = NEXT.fetch_add(1, Ordering::Relaxed);
		let blobs = self.dir.join("blobs");
		let tmp = blobs.join(format!(".{hash}.{}.{n}.tmp", std::process::id()));
		let written = (|| {
			let mut file = fs::File::create(&tmp).map_err(io_err(&tmp))?;
			file.write_all(bytes).map_err(io_err(&tmp))?;
			file.sync_all().map_err(io_err(&tmp))?;
			fs::rename(&tmp, &path).map_err(io_err(&path))
		})();
		if written.is_err() {
			let _ = fs::remove_file(&tmp);
		}
		written?;
		// The rename itself survives a crash only once the directory is on disk.
		fs::File::open(&blobs).and_then(|d| d.sync_all()).map_err(io_err(&blobs))?;
		Ok(hash)
	}

	/// Whether the store has the blob.
	pub fn has(&self, hash: &Hash) -> bool {
		self.path(hash).is_file()
	}

	/// The blob's size, if the store has it.
	pub fn size(&self, hash: &Hash) -> Option<u64> {
		fs::metadata(self.path(hash)).ok().map(|m| m.len())
	}

	/// The blob with this hash, if the store has it, checked against the hash.
	pub fn get(&self, hash: &Hash) -> Result<Option<Vec<u8>>, StoreError> {
		let path = self.path(hash);
		let bytes = match fs::read(&path) {
			Ok(bytes) => bytes,
			Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
			Err(e) => return Err(io_err(&path)(e)),
		};
		let actual = Hash::of(&bytes);
		if actual != *hash {
			return Err(StoreError::Corrupt { expected: *hash, actual });
		}
		Ok(Some(bytes))
	}

	/// The blob's file, open for reading, and its size, if the store has it: to stream it
	/// without reading it whole. Not checked against the hash here (it was when stored).
	pub async fn open_blob(
		&self,
		hash: &Hash,
	) -> Result<Option<(tokio::fs::File, u64)>, StoreError> {
		let path = self.path(hash);
		let file = match tokio::fs::File::open(&path).await {
			Ok(file) => file,
			Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
			Err(e) => return Err(io_err(&path)(e)),
		};
		let size = file.metadata().await.map_err(io_err(&path))?.len();
		Ok(Some((file, size)))
	}

	/// Reads a file of at most `limit` bytes into the store.
	pub fn put_file(&self, file: &Path, limit: u64) -> Result<Hash, StoreError> {
		let size = fs::metadata(file).map_err(io_err(file))?.len();
		if size > limit {
			return Err(StoreError::TooLarge { size, limit });
		}
		let bytes = fs::read(file).map_err(io_err(file))?;
		self.put(&bytes)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn stores_by_hash_and_refuses_a_changed_blob() {
		let dir = tempfile::tempdir().unwrap();
		let store = Store::open(dir.path()).unwrap();
		let hash = store.put(b"input bytes").unwrap();
		assert_eq!(hash, Hash::of(b"input bytes"));
		assert_eq!(store.get(&hash).unwrap().unwrap(), b"input bytes");
		assert!(store.get(&Hash::of(b"other")).unwrap().is_none());

		fs::write(dir.path().join("blobs").join(hash.to_string()), b"tampered").unwrap();
		assert!(matches!(store.get(&hash), Err(StoreError::Corrupt { .. })));
	}

	#[test]
	fn puts_of_one_blob_at_once_all_succeed() {
		let dir = tempfile::tempdir().unwrap();
		let store = Store::open(dir.path()).unwrap();
		let bytes: Vec<u8> = (0..1u32 << 16).map(|i| i as u8).collect();
		// Each thread puts the blob afresh (removing what another stored): with one shared
		// temporary name, a rename would find its file already renamed by another thread.
		std::thread::scope(|scope| {
			for _ in 0..4 {
				scope.spawn(|| {
					for _ in 0..25 {
						let hash = store.put(&bytes).unwrap();
						let _ = fs::remove_file(store.path(&hash));
					}
				});
			}
		});
		let hash = store.put(&bytes).unwrap();
		assert_eq!(store.get(&hash).unwrap().unwrap(), bytes);
		// No temporary file is left behind.
		let names: Vec<_> = fs::read_dir(dir.path().join("blobs"))
			.unwrap()
			.map(|e| e.unwrap().file_name().into_string().unwrap())
			.collect();
		assert_eq!(names, vec![hash.to_string()]);
	}

	#[test]
	fn refuses_a_file_over_the_limit() {
		let dir = tempfile::tempdir().unwrap();
		let store = Store::open(dir.path()).unwrap();
		let file = dir.path().join("big");
		fs::write(&file, vec![7u8; 100]).unwrap();
		assert!(matches!(
			store.put_file(&file, 99),
			Err(StoreError::TooLarge { size: 100, limit: 99 })
		));
		assert!(store.put_file(&file, 100).is_ok());
	}
}
