//! Google's Magika file-type classifier (`agent/models/magika`, Apache-2.0) as a workload:
//! the input is any file, the answer a label such as `pdf` with a score.
//!
//! How a file reaches the model (Magika's own features, from its `config.min.json`):
//! 1. An empty file is `empty` (score 1); the model is not run.
//! 2. Only the first and the last `block_size` (4096) bytes are read.
//! 3. `beg`: the first block without leading whitespace (space, `\t`, `\n`, `\r`, `\v`, `\f`),
//!    its first `beg_size` (1024) bytes, padded at the end with the padding token 256.
//! 4. `end`: the last block without trailing whitespace, its last `end_size` (1024) bytes,
//!    padded at the front with 256.
//! 5. Fewer than `min_file_size_for_dl` (8) bytes in `beg` before padding: the model is not
//!    run; the answer is `txt` if the first block is UTF-8, else `unknown` (score 1).
//! 6. Otherwise the model (input `bytes`, int32 `[1, 2048]` = beg ‖ end) gives 214
//!    probabilities (output `target_label`); the label is the first most probable one and
//!    the score its probability, rounded to 1e-4.
//! 7. `overwrite_map` renames `randombytes` to `unknown` and `randomtxt` to `txt`; a rounded
//!    score below the label's threshold (`thresholds`, else `medium_confidence_threshold`)
//!    gives `txt` for a text type and `unknown` otherwise.
//!
//! Thresholds are compared with the rounded score, so machines whose probabilities differ in
//! the last bits still agree.

use std::{collections::BTreeMap, sync::OnceLock};

use serde::Deserialize;
use tract_onnx::prelude::*;

use super::{Failure, Outcome, Runner, FLOAT_SCALE};
use crate::hash::Hash;

/// The model, as embedded in the agent.
pub const MODEL: &[u8] = include_bytes!("../../models/magika/model.onnx");
const CONFIG: &str = include_str!("../../models/magika/config.min.json");
const CONTENT_TYPES: &str = include_str!("../../models/magika/content_types_kb.min.json");

/// The model's content hash: a job whose ONNX workload has this hash is run as Magika.
pub fn model_hash() -> Hash {
	static HASH: OnceLock<Hash> = OnceLock::new();
	*HASH.get_or_init(|| Hash::of(MODEL))
}

#[derive(Deserialize)]
struct Config {
	beg_size: usize,
	end_size: usize,
	block_size: usize,
	padding_token: i32,
	min_file_size_for_dl: usize,
	medium_confidence_threshold: f64,
	target_labels_space: Vec<String>,
	thresholds: BTreeMap<String, f64>,
	overwrite_map: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct ContentType {
	#[serde(default)]
	is_text: bool,
}

struct Magika {
	config: Config,
	text: BTreeMap<String, bool>,
}

fn magika() -> &'static Magika {
	static M: OnceLock<Magika> = OnceLock::new();
	M.get_or_init(|| {
		let config: Config =
			serde_json::from_str(CONFIG).expect("the embedded Magika config parses");
		let kb: BTreeMap<String, ContentType> =
			serde_json::from_str(CONTENT_TYPES).expect("the embedded Magika content types parse");
		Magika { config, text: kb.into_iter().map(|(k, v)| (k, v.is_text)).collect() }
	})
}

fn is_ws(b: &u8) -> bool {
	matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// What a file gives the model: `Ok(features)`, or `Err(answer)` when the file is answered
/// without the model (empty or too little content).
pub fn features(file: &[u8]) -> Result<Vec<i32>, Outcome> {
	let c = &magika().config;
	if file.is_empty() {
		return Err(Outcome::Magika { label: "empty".into(), score: FLOAT_SCALE as u32 });
	}
	let k = c.block_size.min(file.len());
	let head = &file[..k];
	let tail = &file[file.len() - k..];
	let start = head.iter().position(|b| !is_ws(b)).unwrap_or(head.len());
	let beg = &head[start..];
	let beg = &beg[..beg.len().min(c.beg_size)];
	let stop = tail.iter().rposition(|b| !is_ws(b)).map_or(0, |i| i + 1);
	let end = &tail[..stop];
	let end = &end[end.len().saturating_sub(c.end_size)..];
	if beg.len() < c.min_file_size_for_dl {
		let label = if std::str::from_utf8(head).is_ok() { "txt" } else { "unknown" };
		return Err(Outcome::Magika { label: label.into(), score: FLOAT_SCALE as u32 });
	}
	let mut out = Vec::with_capacity(c.beg_size + c.end_size);
	out.extend(beg.iter().map(|b| i32::from(*b)));
	out.resize(c.beg_size, c.padding_token);
	out.extend(std::iter::repeat_n(c.padding_token, c.end_size - end.len()));
	out.extend(end.iter().map(|b| i32::from(*b)));
	Ok(out)
}

/// The answer for the model's probabilities.
fn answer(probs: &[f32]) -> Option<Outcome> {
	let m = magika();
	let c = &m.config;
	if probs.len() != c.target_labels_space.len() || probs.iter().any(|p| !p.is_finite()) {
		return None;
	}
	// The first most probable label.
	let mut best = 0;
	for (i, p) in probs.iter().enumerate() {
		if *p > probs[best] {
			best = i;
		}
	}
	let dl = &c.target_labels_space[best];
	let score = (f64::from(probs[best]) * FLOAT_SCALE).round().clamp(0.0, FLOAT_SCALE) as u32;
	let mut label = c.overwrite_map.get(dl).unwrap_or(dl).clone();
	let threshold = c.thresholds.get(dl).copied().unwrap_or(c.medium_confidence_threshold);
	if f64::from(score) < (threshold * FLOAT_SCALE).round() {
		label = if m.text.get(&label).copied().unwrap_or(false) {
			"txt".into()
		} else {
			"unknown".into()
		};
	}
	Some(Outcome::Magika { label, score })
}

/// Runs Magika (`model` must be [`MODEL`]: the caller checked its hash) on any file.
pub fn run(model: &[u8], file: &[u8]) -> Outcome {
	let features = match features(file) {
		Ok(f) => f,
		Err(answer) => return answer,
	};
	let fail = |f| Outcome::Failed(Runner::Magika, f);
	let input = match Tensor::from_shape(&[1, features.len()], &features) {
		Ok(t) => t,
		Err(_) => return fail(Failure::InvalidInput),
	};
	let plan = tract_onnx::onnx()
		.model_for_read(&mut &model[..])
		.and_then(|m| m.with_input_fact(0, i32::fact([1, features.len()]).into()))
		.and_then(|m| m.into_typed())
		.and_then(|m| m.into_decluttered())
		.and_then(|m| m.into_runnable());
	let plan = match plan {
		Ok(p) => p,
		Err(e) => {
			log::debug!("Magika model does not load: {e:#}");
			return fail(Failure::InvalidModel);
		},
	};
	let outputs = match plan.run(tvec!(input.into())) {
		Ok(o) => o,
		Err(e) => {
			log::debug!("Magika model failed: {e:#}");
			return fail(Failure::ExecutionFailed);
		},
	};
	let probs = outputs.first().and_then(|o| o.as_slice::<f32>().ok());
	probs.and_then(answer).unwrap_or(fail(Failure::ExecutionFailed))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn label(outcome: &Outcome) -> &str {
		match outcome {
			Outcome::Magika { label, .. } => label,
			other => panic!("expected a label, got {other:?}"),
		}
	}

	#[test]
	fn features_take_the_stripped_ends_and_pad_outside() {
		let f = features(b"  \n%PDF-1.7 body \n\n").unwrap();
		assert_eq!(f.len(), 2048);
		assert_eq!(&f[..4], &[b'%' as i32, b'P' as i32, b'D' as i32, b'F' as i32]);
		assert_eq!(f[1023], 256);
		assert_eq!(f[1024], 256);
		assert_eq!(f[2047], b'y' as i32);
		assert_eq!(f[1024..].iter().filter(|x| **x != 256).count(), "  \n%PDF-1.7 body".len());
		// A long file: only its first and last 1024 stripped bytes count.
		let mut long = vec![b'a'; 10_000];
		long[9_999] = b'z';
		let f = features(&long).unwrap();
		assert!(f.iter().all(|x| *x != 256));
		assert_eq!(f[2047], b'z' as i32);
	}

	#[test]
	fn small_and_empty_files_are_answered_without_the_model() {
		assert_eq!(label(&run(MODEL, b"")), "empty");
		assert_eq!(label(&run(MODEL, b"  hi \n")), "txt");
		assert_eq!(label(&run(MODEL, &[0xff, 0xfe, 0x00])), "unknown");
	}

	#[test]
	fn classifies_real_files() {
		let python = b"import os\nimport sys\n\ndef main():\n    for arg in sys.argv[1:]:\n        print(os.path.abspath(arg))\n\nif __name__ == '__main__':\n    main()\n";
		assert_eq!(label(&run(MODEL, python)), "python");
		let json = br#"{"name": "allmende", "version": "0.1.0", "replicas": [1, 2, 3], "nested": {"ok": true, "list": ["a", "b"]}}"#;
		assert_eq!(label(&run(MODEL, json)), "json");
		// The same file gives the same bytes.
		assert_eq!(run(MODEL, python).encode(), run(MODEL, python).encode());
	}
}
