//! Workloads that give the same bytes on every honest machine, and the canonical encoding
//! of what they give.
//!
//! Replicas are compared by the hash of their result, so a result is defined to the byte:
//! a JSON document with a fixed field order, no whitespace and no floating-point numbers.
//!
//! - WASM: `{"workload":"wasm","status":"ok","output":"<hex of the output bytes>"}`
//! - ONNX: `{"workload":"onnx","status":"ok","outputs":[{"name":…,"type":…,"shape":[…],"values":[…]}]}`
//!   with every float rounded to a multiple of 1e-4 and written as that multiple (an integer:
//!   0.12345 is `1235`), integers as they are, and `"nan"`, `"inf"`, `"-inf"` as strings.
//! - Magika: `{"workload":"magika","status":"ok","label":"pdf","score":9912}` (score in 1e-4).
//! - A failure, the same on every machine: `{"workload":…,"status":"failed","reason":"…"}`
//!   where the reason is one of [`Failure`]'s codes. Error messages, which differ between
//!   versions and machines, are logged but never part of the result.

pub mod magika;
pub mod npy;
pub mod onnx;
pub mod wasm;

use serde::Serialize;

/// Which runner a job needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Runner {
	/// A WebAssembly module with the agent's ABI (see [`wasm`]).
	Wasm,
	/// An ONNX model on an `.npy` tensor.
	Onnx,
	/// Google's Magika model on any file.
	Magika,
}

/// Why a workload failed: the same code on every machine that runs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
	/// The WASM module is not valid WebAssembly, or uses a feature the agent disables
	/// (threads, relaxed SIMD).
	InvalidModule,
	/// The module does not follow the ABI: no exported `memory` or `run`, or other imports.
	InvalidAbi,
	/// The module ran out of fuel (the time bound).
	OutOfFuel,
	/// The module trapped (unreachable, out-of-bounds access, division by zero, stack
	/// overflow, memory beyond the limit).
	Trap,
	/// The module wrote more output than the limit.
	OutputTooLarge,
	/// The ONNX model does not load or cannot be prepared for the input.
	InvalidModel,
	/// The input is not a tensor the model takes (format, type or shape).
	InvalidInput,
	/// The model failed while running.
	ExecutionFailed,
	/// The workload or input could not be had: its endpoint sent bytes of another hash, more
	/// than the agent's size limit, or nothing until the execution deadline drew near. Whoever
	/// serves a job's content is answerable for it: replicas that all get no content agree on
	/// this result and are paid, and the job pays no royalty. Its document names no runner
	/// ([`CONTENT_UNAVAILABLE`]), so that its hash is the chain's `ContentUnavailable`.
	ContentUnavailable,
}

/// What a workload gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
	/// The output of a WASM module.
	Wasm(Vec<u8>),
	/// The outputs of an ONNX model, canonically rounded.
	Onnx(Vec<TensorOut>),
	/// Magika's answer.
	Magika { label: String, score: u32 },
	/// A failure of the given runner.
	Failed(Runner, Failure),
}

/// One output tensor of an ONNX model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TensorOut {
	pub name: String,
	#[serde(rename = "type")]
	pub datum: String,
	pub shape: Vec<usize>,
	pub values: Vec<Value>,
}

/// One value of an output tensor.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
	/// An integer, or a float as a multiple of 1e-4.
	Int(i64),
	/// `"nan"`, `"inf"` or `"-inf"`.
	NonFinite(&'static str),
	/// A boolean.
	Bool(bool),
}

/// How floats are rounded: to a multiple of `1 / FLOAT_SCALE`.
pub const FLOAT_SCALE: f64 = 10_000.0;

impl Value {
	/// A float, rounded half away from zero to a multiple of 1e-4. Also used for `f16` and
	/// `f64` outputs (converted to `f64` first, exactly).
	pub fn float(x: f64) -> Self {
		if x.is_nan() {
			Value::NonFinite("nan")
		} else if x.is_infinite() {
			Value::NonFinite(if x > 0.0 { "inf" } else { "-inf" })
		} else {
			let scaled = (x * FLOAT_SCALE).round();
			if scaled >= i64::MAX as f64 {
				Value::NonFinite("inf")
			} else if scaled <= i64::MIN as f64 {
				Value::NonFinite("-inf")
			} else {
				Value::Int(scaled as i64)
			}
		}
	}
}

#[derive(Serialize)]
struct Doc<'a> {
	workload: Runner,
	status: &'static str,
	#[serde(skip_serializing_if = "Option::is_none")]
	output: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	outputs: Option<&'a [TensorOut]>,
	#[serde(skip_serializing_if = "Option::is_none")]
	label: Option<&'a str>,
	#[serde(skip_serializing_if = "Option::is_none")]
	score: Option<u32>,
	#[serde(skip_serializing_if = "Option::is_none")]
	reason: Option<Failure>,
}

/// The result document of content that could not be had, whatever the runner: its
/// `blake2_256` is the market's `ContentUnavailable` constant, which pays no royalty.
pub const CONTENT_UNAVAILABLE: &[u8] = br#"{"status":"failed","reason":"content_unavailable"}"#;

impl Outcome {
	/// The canonical bytes of the result: what is hashed, committed and served.
	pub fn encode(&self) -> Vec<u8> {
		let doc = match self {
			Outcome::Failed(_, Failure::ContentUnavailable) => return CONTENT_UNAVAILABLE.to_vec(),
			Outcome::Wasm(out) => Doc {
				workload: Runner::Wasm,
				status: "ok",
				output: Some(hex::encode(out)),
				outputs: None,
				label: None,
				score: None,
				reason: None,
			},
			Outcome::Onnx(outs) => Doc {
				workload: Runner::Onnx,
				status: "ok",
				output: None,
				outputs: Some(outs),
				label: None,
				score: None,
				reason: None,
			},
			Outcome::Magika { label, score } => Doc {
				workload: Runner::Magika,
				status: "ok",
				output: None,
				outputs: None,
				label: Some(label),
				score: Some(*score),
				reason: None,
			},
			Outcome::Failed(runner, failure) => Doc {
				workload: *runner,
				status: "failed",
				output: None,
				outputs: None,
				label: None,
				score: None,
				reason: Some(*failure),
			},
		};
		serde_json::to_vec(&doc).expect("a document of strings and integers always serializes")
	}
}

/// Runs a workload on an input with the runner the job needs and the protocol's limits. A
/// panic inside a runner (tract panics on some malformed models) is a failure of the
/// workload; `Err` only when the WASM engine cannot start on this machine.
pub fn execute(runner: Runner, workload: &[u8], input: &[u8]) -> anyhow::Result<Outcome> {
	let run = || match runner {
		Runner::Wasm => wasm::run(workload, input, wasm::Limits::PROTOCOL),
		Runner::Onnx => Ok(onnx::run(workload, input)),
		Runner::Magika => Ok(magika::run(workload, input)),
	};
	match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
		Ok(outcome) => outcome,
		Err(_) => {
			log::warn!("the {runner:?} runner panicked; the workload fails as an invalid model");
			let failure =
				if runner == Runner::Wasm { Failure::InvalidModule } else { Failure::InvalidModel };
			Ok(Outcome::Failed(runner, failure))
		},
	}
}

/// A short human answer for a result document: Magika's "pdf, 0.9912", a failure's reason,
/// a WASM output as text when it is UTF-8, or the ONNX outputs' JSON.
pub fn describe(result: &[u8]) -> String {
	let Ok(doc) = serde_json::from_slice::<serde_json::Value>(result) else {
		return format!("{} bytes, not a result document", result.len());
	};
	if doc["status"] == "failed" {
		return format!("failed: {}", doc["reason"].as_str().unwrap_or("?"));
	}
	match doc["workload"].as_str() {
		Some("magika") => format!(
			"{}, {:.4}",
			doc["label"].as_str().unwrap_or("?"),
			doc["score"].as_f64().unwrap_or(0.0) / FLOAT_SCALE
		),
		Some("wasm") => {
			let bytes = hex::decode(doc["output"].as_str().unwrap_or("")).unwrap_or_default();
			match String::from_utf8(bytes) {
				Ok(text) => text,
				Err(e) => format!("0x{}", hex::encode(e.into_bytes())),
			}
		},
		_ => doc["outputs"].to_string(),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn floats_round_to_a_multiple_of_1e_4_half_away_from_zero() {
		assert_eq!(Value::float(0.12345), Value::Int(1235));
		assert_eq!(Value::float(-0.12345), Value::Int(-1235));
		assert_eq!(Value::float(0.99994999), Value::Int(9999));
		assert_eq!(Value::float(-0.0), Value::Int(0));
		assert_eq!(Value::float(f64::NAN), Value::NonFinite("nan"));
		assert_eq!(Value::float(f64::NEG_INFINITY), Value::NonFinite("-inf"));
		assert_eq!(Value::float(1e300), Value::NonFinite("inf"));
	}

	#[test]
	fn encodings_are_fixed_to_the_byte() {
		assert_eq!(
			Outcome::Wasm(b"hi".to_vec()).encode(),
			br#"{"workload":"wasm","status":"ok","output":"6869"}"#
		);
		assert_eq!(
			Outcome::Magika { label: "pdf".into(), score: 9912 }.encode(),
			br#"{"workload":"magika","status":"ok","label":"pdf","score":9912}"#
		);
		assert_eq!(
			Outcome::Failed(Runner::Wasm, Failure::OutOfFuel).encode(),
			br#"{"workload":"wasm","status":"failed","reason":"out_of_fuel"}"#
		);
		// Content that could not be had names no runner: one hash for every workload.
		for runner in [Runner::Wasm, Runner::Onnx, Runner::Magika] {
			assert_eq!(
				Outcome::Failed(runner, Failure::ContentUnavailable).encode(),
				br#"{"status":"failed","reason":"content_unavailable"}"#
			);
		}
		let t = TensorOut {
			name: "y".into(),
			datum: "f32".into(),
			shape: vec![1, 2],
			values: vec![Value::float(0.5), Value::NonFinite("nan")],
		};
		assert_eq!(
			Outcome::Onnx(vec![t]).encode(),
			br#"{"workload":"onnx","status":"ok","outputs":[{"name":"y","type":"f32","shape":[1,2],"values":[5000,"nan"]}]}"#
		);
	}

	#[test]
	fn describes_results_for_people() {
		assert_eq!(
			describe(&Outcome::Magika { label: "pdf".into(), score: 9912 }.encode()),
			"pdf, 0.9912"
		);
		assert_eq!(describe(&Outcome::Wasm(b"42".to_vec()).encode()), "42");
		assert_eq!(
			describe(&Outcome::Failed(Runner::Onnx, Failure::InvalidInput).encode()),
			"failed: invalid_input"
		);
	}
}
