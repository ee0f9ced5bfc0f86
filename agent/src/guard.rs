//! What a blob server checks before it reads the chain for a request: how often a peer (an
//! IPv4 address, or an IPv6 /64, which one party usually holds whole) asks, and whether a
//! signed request was granted before (a replay).
//!
//! Both tables are bounded: an attacker with many addresses fills them only as fast as their
//! entries expire, and a full table refuses newcomers rather than grow.

use std::{
	collections::HashMap,
	net::IpAddr,
	time::{Duration, Instant},
};

/// The key a peer's requests are counted under: its IPv4 address, or its IPv6 /64 (an
/// IPv4-mapped IPv6 address counts as the IPv4 address).
pub fn peer_key(ip: IpAddr) -> IpAddr {
	match ip {
		IpAddr::V4(_) => ip,
		IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
			Some(v4) => IpAddr::V4(v4),
			None => {
				let s = v6.segments();
				IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
			},
		},
	}
}

/// A token bucket per key: `rate` requests a second on average, `burst` at once.
pub struct RateLimiter<K> {
	rate: f64,
	burst: f64,
	cap: usize,
	buckets: HashMap<K, (f64, Instant)>,
}

impl<K: std::hash::Hash + Eq + Clone> RateLimiter<K> {
	/// At most `cap` keys at once.
	pub fn new(rate: f64, burst: f64, cap: usize) -> Self {
		Self { rate, burst, cap, buckets: HashMap::new() }
	}

	/// Takes one token of `key`'s bucket at `now`; `false` when it has none (or when the
	/// table is full of keys that asked within the time a bucket takes to fill).
	pub fn allow(&mut self, key: &K, now: Instant) -> bool {
		if !self.buckets.contains_key(key) && self.buckets.len() >= self.cap {
			// A bucket full again is no different from no bucket.
			let refill = Duration::from_secs_f64(self.burst / self.rate);
			self.buckets
				.retain(|_, (_, last)| now.saturating_duration_since(*last) < refill);
			if self.buckets.len() >= self.cap {
				return false;
			}
		}
		let (tokens, last) = self.buckets.entry(key.clone()).or_insert((self.burst, now));
		let elapsed = now.saturating_duration_since(*last).as_secs_f64();
		*tokens = (*tokens + elapsed * self.rate).min(self.burst);
		*last = now;
		if *tokens >= 1.0 {
			*tokens -= 1.0;
			true
		} else {
			false
		}
	}

	/// How many keys it holds.
	pub fn len(&self) -> usize {
		self.buckets.len()
	}

	/// Whether it holds no key.
	pub fn is_empty(&self) -> bool {
		self.buckets.is_empty()
	}
}

/// Signed requests a server granted, by signer and the first half of the signature. An
/// sr25519 signature's first 32 bytes are a commitment to randomness the signer draws afresh
/// for every signing, so two honest requests never share them; a request is good while its
/// time is within `window` seconds of the server's clock, so an entry is needed that long.
pub struct Replays {
	window: u64,
	cap: usize,
	granted: HashMap<([u8; 32], [u8; 32]), u64>,
}

/// Why a request cannot be granted again.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
	#[error("this signed request was answered before: sign each request afresh")]
	Replayed,
	#[error("too many requests granted in the last minutes: try again shortly")]
	Full,
}

impl Replays {
	/// Entries are kept `window` seconds past their request's time; at most `cap` at once.
	pub fn new(window: u64, cap: usize) -> Self {
		Self { window, cap, granted: HashMap::new() }
	}

	/// Whether the request `account` signed with `signature` at `time` was granted before.
	pub fn check(&self, account: &[u8; 32], signature: &[u8; 64]) -> Result<(), ReplayError> {
		match self.granted.contains_key(&(*account, nonce(signature))) {
			true => Err(ReplayError::Replayed),
			false => Ok(()),
		}
	}

	/// Records a granted request; refuses a replay, and refuses when the table is full of
	/// requests still within their window.
	pub fn grant(
		&mut self,
		account: &[u8; 32],
		signature: &[u8; 64],
		time: u64,
		now: u64,
	) -> Result<(), ReplayError> {
		self.check(account, signature)?;
		if self.granted.len() >= self.cap {
			let window = self.window;
			self.granted.retain(|_, t| t.saturating_add(window) >= now);
			if self.granted.len() >= self.cap {
				return Err(ReplayError::Full);
			}
		}
		self.granted.insert((*account, nonce(signature)), time);
		Ok(())
	}
}

fn nonce(signature: &[u8; 64]) -> [u8; 32] {
	let mut r = [0u8; 32];
	r.copy_from_slice(&signature[..32]);
	r
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_bucket_allows_its_burst_then_its_rate() {
		let mut limits = RateLimiter::new(2.0, 4.0, 100);
		let t0 = Instant::now();
		let allowed = (0..10).filter(|_| limits.allow(&"a", t0)).count();
		assert_eq!(allowed, 4, "the burst");
		assert!(!limits.allow(&"a", t0 + Duration::from_millis(400)), "less than a token back");
		assert!(limits.allow(&"a", t0 + Duration::from_millis(600)), "one token after 0.5 s");
		assert!(limits.allow(&"b", t0), "another key has its own bucket");
	}

	#[test]
	fn a_full_table_forgets_idle_keys_and_refuses_while_all_are_busy() {
		let mut limits = RateLimiter::new(1.0, 2.0, 3);
		let t0 = Instant::now();
		for k in 0..3 {
			assert!(limits.allow(&k, t0));
		}
		assert!(!limits.allow(&3, t0 + Duration::from_secs(1)), "every key asked within 2 s");
		assert_eq!(limits.len(), 3);
		assert!(limits.allow(&3, t0 + Duration::from_secs(2)), "the idle ones are forgotten");
		assert_eq!(limits.len(), 1);
	}

	#[test]
	fn ipv6_peers_count_by_their_64_and_mapped_ipv4_as_ipv4() {
		let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
		let b: IpAddr = "2001:db8:1:2:bbbb::7".parse().unwrap();
		let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
		assert_eq!(peer_key(a), peer_key(b));
		assert_ne!(peer_key(a), peer_key(c));
		let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
		assert_eq!(peer_key(mapped), "192.0.2.7".parse::<IpAddr>().unwrap());
	}

	#[test]
	fn a_granted_request_is_refused_the_second_time() {
		let mut replays = Replays::new(120, 2);
		let (alice, bob) = ([1u8; 32], [2u8; 32]);
		let mut sig = [7u8; 64];
		assert_eq!(replays.check(&alice, &sig), Ok(()));
		assert_eq!(replays.grant(&alice, &sig, 1_000, 1_000), Ok(()));
		assert_eq!(replays.check(&alice, &sig), Err(ReplayError::Replayed));
		assert_eq!(replays.grant(&alice, &sig, 1_000, 1_001), Err(ReplayError::Replayed));
		// Another signer, or a fresh signature (another first half), is a new request.
		assert_eq!(replays.check(&bob, &sig), Ok(()));
		sig[0] = 8;
		assert_eq!(replays.grant(&alice, &sig, 1_000, 1_001), Ok(()));
		// Full while both entries are within their window; room once they have passed it.
		sig[0] = 9;
		assert_eq!(replays.grant(&alice, &sig, 1_050, 1_050), Err(ReplayError::Full));
		assert_eq!(replays.grant(&alice, &sig, 1_200, 1_200), Ok(()));
	}
}
