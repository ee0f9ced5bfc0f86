//! Content hashes: `blake2_256` of the bytes, written `0x` and 64 hex digits, as the chain
//! writes an `H256`.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The `blake2_256` hash of some content; also the agent's type for the chain's `H256`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Hash,
	PartialOrd,
	Ord,
	Default,
	scale_decode::DecodeAsType,
	scale_encode::EncodeAsType,
)]
pub struct Hash(pub [u8; 32]);

impl Hash {
	/// `blake2_256(bytes)`: BLAKE2b with a 32-byte output and no key, as `sp_core::blake2_256`.
	pub fn of(bytes: &[u8]) -> Self {
		let digest = blake2b_simd::Params::new().hash_length(32).hash(bytes);
		let mut out = [0u8; 32];
		out.copy_from_slice(digest.as_bytes());
		Self(out)
	}

	/// `blake2_256` of several parts, in order, as if concatenated.
	pub fn of_parts(parts: &[&[u8]]) -> Self {
		let mut state = blake2b_simd::Params::new().hash_length(32).to_state();
		for part in parts {
			state.update(part);
		}
		let mut out = [0u8; 32];
		out.copy_from_slice(state.finalize().as_bytes());
		Self(out)
	}
}

impl fmt::Display for Hash {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "0x{}", hex::encode(self.0))
	}
}

impl fmt::Debug for Hash {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		fmt::Display::fmt(self, f)
	}
}

/// Why a string is not a hash.
#[derive(Debug, thiserror::Error)]
#[error("not a 32-byte hash written 0x and 64 hex digits: {0:?}")]
pub struct BadHash(pub String);

impl FromStr for Hash {
	type Err = BadHash;
	fn from_str(s: &str) -> Result<Self, Self::Err> {
		let digits = s.strip_prefix("0x").ok_or_else(|| BadHash(s.into()))?;
		let mut out = [0u8; 32];
		hex::decode_to_slice(digits, &mut out).map_err(|_| BadHash(s.into()))?;
		Ok(Self(out))
	}
}

impl Serialize for Hash {
	fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
		s.collect_str(self)
	}
}

impl<'de> Deserialize<'de> for Hash {
	fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		let text = String::deserialize(d)?;
		text.parse().map_err(serde::de::Error::custom)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn blake2_256_matches_the_chain() {
		// sp_core::blake2_256(b"") as the chain computes it.
		assert_eq!(
			Hash::of(b"").to_string(),
			"0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
		);
		assert_eq!(Hash::of(b"abc"), Hash::of_parts(&[b"a", b"bc"]));
	}

	#[test]
	fn parses_only_what_it_prints() {
		let h = Hash::of(b"allmende");
		assert_eq!(h.to_string().parse::<Hash>().unwrap(), h);
		assert!("0e5751c0".parse::<Hash>().is_err());
		assert!("0x0e57".parse::<Hash>().is_err());
		assert!(format!("0x{}", "zz".repeat(32)).parse::<Hash>().is_err());
	}
}
