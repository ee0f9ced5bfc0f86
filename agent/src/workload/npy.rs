//! The `.npy` tensor format (NumPy's `numpy.save`): how inputs reach an ONNX model.
//!
//! A file is the magic `\x93NUMPY`, a version (1, 2 or 3), the header's length (2 bytes in
//! version 1, 4 in 2 and 3, little-endian), a header that is a Python dict literal with
//! `descr`, `fortran_order` and `shape`, then the values in C order. The agent reads
//! little-endian `f4`, `f8`, `i1`, `i2`, `i4`, `i8`, `u1`, `u2`, `u4`, `u8` and `b1`, C order only.

/// Why a file is not a tensor the agent reads.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum NpyError {
	#[error("not an .npy file (no \\x93NUMPY magic)")]
	Magic,
	#[error("unsupported .npy version {0}")]
	Version(u8),
	#[error("truncated .npy file")]
	Truncated,
	#[error("bad .npy header: {0}")]
	Header(String),
	#[error("unsupported element type {0:?} (little-endian f4, f8, i1-i8, u1-u8 or b1)")]
	Type(String),
	#[error("Fortran order is not supported; save the array in C order")]
	FortranOrder,
	#[error("the shape {shape:?} needs {expected} bytes of data, the file has {actual}")]
	Size { shape: Vec<usize>, expected: usize, actual: usize },
}

/// An element type of an `.npy` file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elem {
	F32,
	F64,
	I8,
	I16,
	I32,
	I64,
	U8,
	U16,
	U32,
	U64,
	Bool,
}

impl Elem {
	fn parse(descr: &str) -> Result<Self, NpyError> {
		Ok(match descr {
			"<f4" => Elem::F32,
			"<f8" => Elem::F64,
			"|i1" | "<i1" => Elem::I8,
			"<i2" => Elem::I16,
			"<i4" => Elem::I32,
			"<i8" => Elem::I64,
			"|u1" | "<u1" => Elem::U8,
			"<u2" => Elem::U16,
			"<u4" => Elem::U32,
			"<u8" => Elem::U64,
			"|b1" => Elem::Bool,
			other => return Err(NpyError::Type(other.into())),
		})
	}

	/// Bytes per element.
	pub fn size(self) -> usize {
		match self {
			Elem::I8 | Elem::U8 | Elem::Bool => 1,
			Elem::I16 | Elem::U16 => 2,
			Elem::F32 | Elem::I32 | Elem::U32 => 4,
			Elem::F64 | Elem::I64 | Elem::U64 => 8,
		}
	}
}

/// A tensor read from an `.npy` file: its element type, shape and little-endian data.
#[derive(Debug, PartialEq)]
pub struct Npy<'a> {
	pub elem: Elem,
	pub shape: Vec<usize>,
	pub data: &'a [u8],
}

/// The value of `key` in the header dict: the text after `'key':` up to the next top-level
/// `,` or `}` (a tuple's commas are inside parentheses).
fn field<'h>(header: &'h str, key: &str) -> Result<&'h str, NpyError> {
	let pattern = format!("'{key}':");
	let start =
		header.find(&pattern).ok_or_else(|| NpyError::Header(format!("no {key}")))? + pattern.len();
	let rest = &header[start..];
	let mut depth = 0usize;
	for (i, c) in rest.char_indices() {
		match c {
			'(' => depth += 1,
			')' => depth = depth.saturating_sub(1),
			',' | '}' if depth == 0 => return Ok(rest[..i].trim()),
			_ => {},
		}
	}
	Err(NpyError::Header(format!("{key} has no end")))
}

/// Reads an `.npy` file.
pub fn parse(bytes: &[u8]) -> Result<Npy<'_>, NpyError> {
	let rest = bytes.strip_prefix(b"\x93NUMPY").ok_or(NpyError::Magic)?;
	let (&major, rest) = rest.split_first().ok_or(NpyError::Truncated)?;
	let (_minor, rest) = rest.split_first().ok_or(NpyError::Truncated)?;
	let (len, rest) = match major {
		1 => {
			let (len, rest) = rest.split_at_checked(2).ok_or(NpyError::Truncated)?;
			(u16::from_le_bytes([len[0], len[1]]) as usize, rest)
		},
		2 | 3 => {
			let (len, rest) = rest.split_at_checked(4).ok_or(NpyError::Truncated)?;
			(u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize, rest)
		},
		v => return Err(NpyError::Version(v)),
	};
	let (header, data) = rest.split_at_checked(len).ok_or(NpyError::Truncated)?;
	let header = std::str::from_utf8(header).map_err(|_| NpyError::Header("not UTF-8".into()))?;

	let descr = field(header, "descr")?.trim_matches(|c| c == '\'' || c == '"');
	let elem = Elem::parse(descr)?;
	match field(header, "fortran_order")? {
		"False" => {},
		"True" => return Err(NpyError::FortranOrder),
		other => return Err(NpyError::Header(format!("fortran_order {other}"))),
	}
	let shape_text = field(header, "shape")?;
	let inner = shape_text
		.strip_prefix('(')
		.and_then(|s| s.strip_suffix(')'))
		.ok_or_else(|| NpyError::Header(format!("shape {shape_text}")))?;
	let shape = inner
		.split(',')
		.map(str::trim)
		.filter(|s| !s.is_empty())
		.map(|s| s.parse::<usize>().map_err(|_| NpyError::Header(format!("shape {shape_text}"))))
		.collect::<Result<Vec<_>, _>>()?;
	let expected = shape
		.iter()
		.try_fold(elem.size(), |acc, &d| acc.checked_mul(d))
		.ok_or_else(|| NpyError::Header(format!("shape {shape_text} overflows")))?;
	if data.len() != expected {
		return Err(NpyError::Size { shape, expected, actual: data.len() });
	}
	Ok(Npy { elem, shape, data })
}

/// Writes an `.npy` file (version 1) of little-endian `f32` values: for tests and for users
/// who make inputs without NumPy.
pub fn write_f32(shape: &[usize], values: &[f32]) -> Vec<u8> {
	let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
	let shape_text =
		if dims.len() == 1 { format!("({},)", dims[0]) } else { format!("({})", dims.join(", ")) };
	let mut header = format!("{{'descr': '<f4', 'fortran_order': False, 'shape': {shape_text}, }}");
	// Pad so that the data starts at a multiple of 64 bytes, ending the header with '\n'.
	let unpadded = 10 + header.len() + 1;
	header.push_str(&" ".repeat((64 - unpadded % 64) % 64));
	header.push('\n');
	let mut out = b"\x93NUMPY\x01\x00".to_vec();
	out.extend_from_slice(&(header.len() as u16).to_le_bytes());
	out.extend_from_slice(header.as_bytes());
	for v in values {
		out.extend_from_slice(&v.to_le_bytes());
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn reads_what_numpy_writes() {
		// numpy.save of np.array([[1.5, -2.0]], dtype=np.float32), byte for byte.
		let mut file = b"\x93NUMPY\x01\x00\x76\x00".to_vec();
		let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }";
		file.extend_from_slice(header.as_bytes());
		file.extend_from_slice(&vec![b' '; 0x76 - header.len() - 1]);
		file.push(b'\n');
		file.extend_from_slice(&1.5f32.to_le_bytes());
		file.extend_from_slice(&(-2.0f32).to_le_bytes());
		let npy = parse(&file).unwrap();
		assert_eq!((npy.elem, npy.shape.clone()), (Elem::F32, vec![1, 2]));
		assert_eq!(npy.data.len(), 8);
		assert_eq!(write_f32(&[1, 2], &[1.5, -2.0]).len() % 64, 8);
		assert_eq!(parse(&write_f32(&[1, 2], &[1.5, -2.0])).unwrap().data, npy.data);
		assert_eq!(parse(&write_f32(&[3], &[0.0; 3])).unwrap().shape, vec![3]);
		assert_eq!(parse(&write_f32(&[], &[7.0])).unwrap().shape, Vec::<usize>::new());
	}

	#[test]
	fn refuses_what_it_cannot_read() {
		assert_eq!(parse(b"PK\x03\x04").unwrap_err(), NpyError::Magic);
		let good = write_f32(&[2], &[1.0, 2.0]);
		assert_eq!(
			parse(&good[..good.len() - 1]).unwrap_err(),
			NpyError::Size { shape: vec![2], expected: 8, actual: 7 }
		);
		let swap = |from: &[u8], to: &[u8]| {
			let at = good.windows(from.len()).position(|w| w == from).unwrap();
			let mut f = good.clone();
			f[at..at + from.len()].copy_from_slice(to);
			f
		};
		assert_eq!(parse(&swap(b"<f4", b">f4")).unwrap_err(), NpyError::Type(">f4".into()));
		assert_eq!(parse(&swap(b"False", b"True ")).unwrap_err(), NpyError::FortranOrder);
		assert_eq!(parse(&good[..9]).unwrap_err(), NpyError::Truncated);
	}
}
