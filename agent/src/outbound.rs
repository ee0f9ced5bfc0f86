//! Where the agent may connect to fetch content and results.
//!
//! The URIs it fetches come from strangers: a job names its workload and input, and a
//! provider's profile names its endpoint. Without a rule, a job could make a provider send
//! requests to its own loopback services or into its private network (server-side request
//! forgery). So the agent connects only to public addresses, and to the networks its operator
//! allows (`allow_networks` in the provider's configuration, `--allow-network` for the other
//! commands; a devnet on one machine allows `127.0.0.0/8`). A host name is resolved once and
//! the connection goes to the address that was checked, so a second lookup cannot point
//! elsewhere.

use std::{
	fmt,
	net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
	str::FromStr,
	sync::Arc,
};

/// A network in CIDR notation (`10.0.0.0/8`, `fd00::/8`); a bare address is a network of
/// one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Network {
	addr: IpAddr,
	prefix: u8,
}

/// Why a network does not parse.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error(
	"{0:?} is not a network: write an address with a prefix length, as 127.0.0.0/8 or fd00::/8"
)]
pub struct BadNetwork(String);

impl FromStr for Network {
	type Err = BadNetwork;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		let bad = || BadNetwork(s.to_string());
		let (addr, prefix) = match s.split_once('/') {
			Some((a, p)) => (a, Some(p)),
			None => (s, None),
		};
		let addr = IpAddr::from_str(addr.trim()).map_err(|_| bad())?;
		let bits = if addr.is_ipv4() { 32 } else { 128 };
		let prefix = match prefix {
			Some(p) => p.trim().parse::<u8>().map_err(|_| bad())?,
			None => bits,
		};
		if prefix > bits {
			return Err(bad());
		}
		// An IPv4-mapped network (`::ffff:10.0.0.0/104`) is that IPv4 network, when its prefix
		// covers the mapping.
		match (addr, canonical(addr)) {
			(IpAddr::V6(_), IpAddr::V4(v4)) if prefix >= 96 => {
				Ok(Self { addr: IpAddr::V4(v4), prefix: prefix - 96 })
			},
			_ => Ok(Self { addr, prefix }),
		}
	}
}

impl TryFrom<String> for Network {
	type Error = BadNetwork;

	fn try_from(s: String) -> Result<Self, Self::Error> {
		s.parse()
	}
}

impl fmt::Display for Network {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "{}/{}", self.addr, self.prefix)
	}
}

impl Network {
	/// Whether `ip` lies in this network.
	pub fn contains(&self, ip: IpAddr) -> bool {
		match (self.addr, canonical(ip)) {
			(IpAddr::V4(net), IpAddr::V4(ip)) => {
				masked(u32::from(net).into(), self.prefix, 32)
					== masked(u32::from(ip).into(), self.prefix, 32)
			},
			(IpAddr::V6(net), IpAddr::V6(ip)) => {
				masked(u128::from(net), self.prefix, 128)
					== masked(u128::from(ip), self.prefix, 128)
			},
			_ => false,
		}
	}
}

/// The first `prefix` bits of a `bits`-bit address.
fn masked(addr: u128, prefix: u8, bits: u8) -> u128 {
	if prefix == 0 {
		return 0;
	}
	let keep = u128::MAX << (128 - u32::from(prefix));
	(addr << (128 - u32::from(bits))) & keep
}

/// An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is that IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
	match ip {
		IpAddr::V6(v6) => v6.to_canonical(),
		v4 => v4,
	}
}

/// Whether `ip` is an address anyone on the internet may be sent to: not loopback, private,
/// link-local, shared (carrier-grade NAT), unspecified, broadcast, multicast, documentation,
/// benchmarking or reserved space, and not an IPv6 form of such an IPv4 address (mapped,
/// NAT64, 6to4).
pub fn is_public(ip: IpAddr) -> bool {
	match canonical(ip) {
		IpAddr::V4(v4) => is_public_v4(v4),
		IpAddr::V6(v6) => is_public_v6(v6),
	}
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
	let [a, b, c, _] = ip.octets();
	!(ip.is_unspecified() ||
		ip.is_loopback() ||
		ip.is_private() ||
		ip.is_link_local() ||
		ip.is_broadcast() ||
		ip.is_multicast() ||
		ip.is_documentation() ||
		a == 0 || // "this network"
		(a == 100 && (64..128).contains(&b)) || // shared address space, 100.64.0.0/10
		(a == 192 && b == 0 && c == 0) || // IETF protocol assignments, 192.0.0.0/24
		(a == 198 && (b == 18 || b == 19)) || // benchmarking, 198.18.0.0/15
		a >= 240) // reserved, 240.0.0.0/4
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
	let s = ip.segments();
	// Local-use NAT64 (64:ff9b:1::/48) reaches a network's own IPv4 space.
	if s[0] == 0x64 && s[1] == 0xff9b && s[2] == 1 {
		return false;
	}
	// NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
	if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
		let [.., hi, lo] = s;
		return is_public_v4(Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo)));
	}
	if s[0] == 0x2002 {
		return is_public_v4(Ipv4Addr::from((u32::from(s[1]) << 16) | u32::from(s[2])));
	}
	!(ip.is_unspecified() ||
		ip.is_loopback() ||
		ip.is_multicast() ||
		ip.is_unique_local() ||
		ip.is_unicast_link_local() ||
		(s[0] == 0x2001 && s[1] == 0x0db8) || // documentation, 2001:db8::/32
		(s[0] == 0x2001 && s[1] < 0x0200) || // IETF protocol assignments (Teredo, ORCHID), 2001::/23
		(s[0] == 0x0100 && s[1..4] == [0, 0, 0]) || // discard-only, 100::/64
		s[0] & 0xffc0 == 0xfec0 || // site-local (deprecated), fec0::/10
		s[..6] == [0, 0, 0, 0, 0, 0]) // IPv4-compatible and other ::/96 forms
}

/// Why a connection is not made.
#[derive(Debug, thiserror::Error)]
pub enum OutboundError {
	#[error("{authority}: not a host and port")]
	BadAuthority { authority: String },
	#[error("{authority}: cannot resolve it: {source}")]
	Resolve { authority: String, source: std::io::Error },
	#[error(
		"{authority} is {addr}, which is not a public address; this agent connects there only \
		 if its network is allowed (allow_networks in the provider's configuration, \
		 --allow-network)"
	)]
	Refused { authority: String, addr: IpAddr },
}

/// The agent's rule for outgoing connections: public addresses, and the allowed networks.
#[derive(Clone, Debug, Default)]
pub struct Outbound {
	allowed: Arc<Vec<Network>>,
}

impl Outbound {
	/// Public addresses, and `allowed`.
	pub fn allowing(allowed: Vec<Network>) -> Self {
		Self { allowed: Arc::new(allowed) }
	}

	/// The networks allowed beyond the public ones.
	pub fn allowed(&self) -> &[Network] {
		&self.allowed
	}

	/// Whether the agent may connect to `ip`.
	pub fn permits(&self, ip: IpAddr) -> bool {
		is_public(ip) || self.allowed.iter().any(|n| n.contains(ip))
	}

	/// The addresses to connect to for `authority` (`host:port`): those it resolves to that
	/// are permitted, in the resolver's order (a connection tries them in turn). An authority
	/// whose every address is refused is refused.
	pub async fn resolve(&self, authority: &str) -> Result<Vec<SocketAddr>, OutboundError> {
		// An address with its port needs no lookup.
		if let Ok(addr) = authority.parse::<SocketAddr>() {
			return self.check(authority, [addr]);
		}
		if authority
			.rsplit_once(':')
			.is_none_or(|(host, port)| host.is_empty() || port.is_empty())
		{
			return Err(OutboundError::BadAuthority { authority: authority.into() });
		}
		let addrs = tokio::net::lookup_host(authority)
			.await
			.map_err(|source| OutboundError::Resolve { authority: authority.into(), source })?;
		self.check(authority, addrs)
	}

	fn check(
		&self,
		authority: &str,
		addrs: impl IntoIterator<Item = SocketAddr>,
	) -> Result<Vec<SocketAddr>, OutboundError> {
		let mut first_refused = None;
		let mut permitted = Vec::new();
		for addr in addrs {
			if self.permits(addr.ip()) {
				permitted.push(addr);
			} else {
				first_refused.get_or_insert(addr.ip());
			}
		}
		match first_refused {
			_ if !permitted.is_empty() => Ok(permitted),
			Some(addr) => Err(OutboundError::Refused { authority: authority.into(), addr }),
			None => Err(OutboundError::Resolve {
				authority: authority.into(),
				source: std::io::Error::new(std::io::ErrorKind::NotFound, "no address"),
			}),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn ip(s: &str) -> IpAddr {
		s.parse().unwrap()
	}

	#[test]
	fn special_addresses_are_not_public() {
		for s in [
			"127.0.0.1",
			"10.1.2.3",
			"172.16.0.1",
			"192.168.1.1",
			"169.254.169.254",
			"100.64.0.1",
			"0.0.0.0",
			"0.1.2.3",
			"255.255.255.255",
			"224.0.0.1",
			"192.0.0.8",
			"198.18.0.1",
			"240.0.0.1",
			"192.0.2.1",
			"::1",
			"::",
			"fc00::1",
			"fd12:3456::1",
			"fe80::1",
			"ff02::1",
			"2001:db8::1",
			"::ffff:127.0.0.1",
			"::ffff:10.0.0.1",
			"::127.0.0.1",
			"64:ff9b::a00:1",
			"2002:7f00:1::",
			"fec0::1",
			"100::1",
			"2001::1",
			"64:ff9b:1::a00:1",
		] {
			assert!(!is_public(ip(s)), "{s} counts as public");
		}
		for s in [
			"1.1.1.1",
			"8.8.8.8",
			"100.128.0.1",
			"2606:4700::1111",
			"::ffff:1.1.1.1",
			"64:ff9b::101:101",
		] {
			assert!(is_public(ip(s)), "{s} does not count as public");
		}
	}

	#[test]
	fn networks_parse_and_contain() {
		let lo: Network = "127.0.0.0/8".parse().unwrap();
		assert!(lo.contains(ip("127.9.9.9")));
		assert!(lo.contains(ip("::ffff:127.0.0.1")));
		assert!(!lo.contains(ip("128.0.0.1")));
		assert!(!lo.contains(ip("::1")));
		let one: Network = "10.0.0.5".parse().unwrap();
		assert_eq!(one.to_string(), "10.0.0.5/32");
		assert!(one.contains(ip("10.0.0.5")) && !one.contains(ip("10.0.0.6")));
		let v6: Network = "fd00::/8".parse().unwrap();
		assert!(v6.contains(ip("fd12::1")) && !v6.contains(ip("fe80::1")));
		let mapped: Network = "::ffff:10.0.0.0/104".parse().unwrap();
		assert_eq!(mapped, "10.0.0.0/8".parse().unwrap());
		let all: Network = "0.0.0.0/0".parse().unwrap();
		assert!(all.contains(ip("10.0.0.1")) && !all.contains(ip("::1")));
		for bad in ["127.0.0.0/33", "::/129", "localhost", "10.0.0.0/x", ""] {
			assert_eq!(bad.parse::<Network>(), Err(BadNetwork(bad.into())), "{bad}");
		}
	}

	#[tokio::test]
	async fn only_public_or_allowed_addresses_are_connected_to() {
		let strict = Outbound::default();
		assert!(matches!(
			strict.resolve("127.0.0.1:8700").await,
			Err(OutboundError::Refused { addr, .. }) if addr == ip("127.0.0.1")
		));
		assert!(matches!(strict.resolve("[::1]:8700").await, Err(OutboundError::Refused { .. })));
		assert!(matches!(
			strict.resolve("169.254.169.254:80").await,
			Err(OutboundError::Refused { .. })
		));
		// A name is resolved and its address checked: "localhost" is loopback.
		assert!(matches!(
			strict.resolve("localhost:8700").await,
			Err(OutboundError::Refused { .. })
		));
		assert_eq!(
			strict.resolve("1.1.1.1:80").await.unwrap(),
			vec!["1.1.1.1:80".parse().unwrap()]
		);
		assert!(matches!(strict.resolve("8700").await, Err(OutboundError::BadAuthority { .. })));
		let devnet = Outbound::allowing(vec!["127.0.0.0/8".parse().unwrap()]);
		assert_eq!(
			devnet.resolve("127.0.0.1:8700").await.unwrap(),
			vec!["127.0.0.1:8700".parse().unwrap()]
		);
		assert!(matches!(devnet.resolve("10.0.0.1:80").await, Err(OutboundError::Refused { .. })));
	}
}
