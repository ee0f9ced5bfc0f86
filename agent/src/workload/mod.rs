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
//! - Speech segments (an ONNX pipeline, [`speech`]): `{"workload":"speech","status":"ok",
//!   "params":{…},"samples":N,"probs":[…],"segments":[[start,end],…]}`.
//! - Image labels (an ONNX pipeline, [`image`]): `{"workload":"image","status":"ok","width":W,
//!   "height":H,"labels":[…],"scores":[…],"top":[i,…]}`.
//! - Text embeddings (an ONNX pipeline, [`text`]): `{"workload":"text","status":"ok","dim":D,
//!   "tokens":[n,…],"vectors":[[…],…]}`.
//! - Generated text (an ONNX pipeline, [`generate`]): `{"workload":"generation","status":"ok",
//!   "prompt":[id,…],"tokens":[id,…],"logprobs":[…],"text":"…"}`.
//! - A failure, the same on every machine: `{"workload":…,"status":"failed","reason":"…"}`
//!   where the reason is one of [`Failure`]'s codes. Error messages, which differ between
//!   versions and machines, are logged but never part of the result.

pub mod generate;
pub mod image;
pub mod magika;
pub mod npy;
pub mod onnx;
pub mod pipeline;
pub mod sandbox;
pub mod speech;
pub mod text;
pub mod wasm;

use serde::Serialize;

/// Which runner a job needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Runner {
	/// A WebAssembly module with the agent's ABI (see [`wasm`]).
	Wasm,
	/// An ONNX model on an `.npy` tensor, or a pipeline ([`pipeline`]) on its input.
	Onnx,
	/// Google's Magika model on any file.
	Magika,
}

impl Runner {
	/// The runner's name in result documents and on the worker's command line.
	pub fn name(self) -> &'static str {
		match self {
			Runner::Wasm => "wasm",
			Runner::Onnx => "onnx",
			Runner::Magika => "magika",
		}
	}

	/// Every runner.
	pub const ALL: [Runner; 3] = [Runner::Wasm, Runner::Onnx, Runner::Magika];

	/// The runner of a name [`Runner::name`] gives.
	pub fn from_name(name: &str) -> Option<Self> {
		Self::ALL.into_iter().find(|r| r.name() == name)
	}
}

/// Why a workload failed: the same code on every machine that runs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
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
	/// The workload needed more heap than [`sandbox::HEAP_LIMIT`] (counted by the agent's
	/// allocator, the same on every machine).
	MemoryLimit,
	/// The workload or input could not be had: its endpoint sent bytes of another hash, more
	/// than the agent's size limit, or nothing until the execution deadline drew near. Whoever
	/// serves a job's content is answerable for it: replicas that all get no content agree on
	/// this result and are paid, and the job pays no royalty. Its document names no runner
	/// ([`CONTENT_UNAVAILABLE`]), so that its hash is the chain's `ContentUnavailable`.
	ContentUnavailable,
	/// The input holds more work than the job declares (the chain's `JobWork`), or work in another
	/// unit, or the job declares work for a workload that counts none (WASM, a bare ONNX
	/// model, Magika): the workload is not run ([`execute_within`]). Providers price a job
	/// by its declared work, so a requester who declares less pays for this failure.
	UndeclaredWork,
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
	/// The speech segments of a recording (an ONNX pipeline: [`speech`]).
	Speech(speech::Speech),
	/// The labels of a picture (an ONNX pipeline: [`image`]).
	Image(image::ImageLabels),
	/// A vector per line of text (an ONNX pipeline: [`text`]).
	Text(text::Embeddings),
	/// Text a language model generated (an ONNX pipeline: [`generate`]).
	Generation(generate::Generation),
	/// A failure of the given runner.
	Failed(Runner, Failure),
}

/// One output tensor of an ONNX model.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
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

/// The hash of [`CONTENT_UNAVAILABLE`]: the result hash the market recognises as "content
/// unavailable" (its `ContentUnavailable` constant).
pub fn content_unavailable_hash() -> crate::hash::Hash {
	crate::hash::Hash::of(CONTENT_UNAVAILABLE)
}

/// The result document of a pipeline that succeeded: `workload` names the pipeline's result
/// ([`PipelineResult`]), the other fields are its result's.
#[derive(Serialize)]
struct PipelineDoc<'a, B> {
	workload: &'static str,
	status: &'static str,
	#[serde(flatten)]
	body: &'a B,
}

/// The results of pipelines, each with its own document (failures are ONNX failures).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PipelineResult {
	Speech,
	Image,
	Text,
	Generation,
}

impl PipelineResult {
	/// The pipeline result a document holds, by its first bytes: a canonical document
	/// starts with its `workload` and `"status":"ok"`.
	fn of(doc: &[u8]) -> Option<Self> {
		if doc.starts_with(br#"{"workload":"speech","status":"ok","#) {
			Some(Self::Speech)
		} else if doc.starts_with(br#"{"workload":"image","status":"ok","#) {
			Some(Self::Image)
		} else if doc.starts_with(br#"{"workload":"text","status":"ok","#) {
			Some(Self::Text)
		} else if doc.starts_with(br#"{"workload":"generation","status":"ok","#) {
			Some(Self::Generation)
		} else {
			None
		}
	}

	/// Reads and checks a document of this result; `decode` then checks it is canonical.
	fn read(self, bytes: &[u8]) -> Option<Outcome> {
		match self {
			Self::Speech => {
				let s: speech::Speech = body(bytes)?;
				// What the pipeline can give: valid parameters, a probability per frame.
				let can =
					s.params.valid() && s.probs.len() as u64 == speech::frame_count(s.samples);
				can.then_some(Outcome::Speech(s))
			},
			Self::Image => {
				let labels: image::ImageLabels = body(bytes)?;
				labels.consistent().then_some(Outcome::Image(labels))
			},
			Self::Text => {
				let vectors: text::Embeddings = body(bytes)?;
				vectors.consistent().then_some(Outcome::Text(vectors))
			},
			Self::Generation => {
				let generated: generate::Generation = body(bytes)?;
				generated.consistent().then_some(Outcome::Generation(generated))
			},
		}
	}
}

/// The fields after `"workload"` and `"status"` of a pipeline's result document, read as `B`
/// straight from the text: a stranger's document is not first copied into a tree of values.
fn body<B: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<B> {
	use serde::{de::Error, Deserializer};
	struct Body<B>(std::marker::PhantomData<B>);
	impl<'de, B: serde::Deserialize<'de>> serde::de::Visitor<'de> for Body<B> {
		type Value = B;

		fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
			f.write_str("a pipeline's result document")
		}

		fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<B, A::Error> {
			for key in ["workload", "status"] {
				let (name, _): (String, String) =
					map.next_entry()?.ok_or_else(|| A::Error::missing_field(key))?;
				if name != key {
					return Err(A::Error::custom(format!("{key} comes first")));
				}
			}
			B::deserialize(serde::de::value::MapAccessDeserializer::new(map))
		}
	}
	let mut reader = serde_json::Deserializer::from_slice(bytes);
	let body = (&mut reader).deserialize_map(Body(std::marker::PhantomData)).ok()?;
	reader.end().ok()?;
	Some(body)
}

/// The canonical bytes of a pipeline's result.
fn pipeline_doc<B: Serialize>(workload: &'static str, body: &B) -> Vec<u8> {
	let doc = PipelineDoc { workload, status: "ok", body };
	serde_json::to_vec(&doc).expect("a result document is plain data")
}

impl Outcome {
	/// The canonical bytes of the result: what is hashed, committed and served.
	pub fn encode(&self) -> Vec<u8> {
		let doc = match self {
			Outcome::Failed(_, Failure::ContentUnavailable) => return CONTENT_UNAVAILABLE.to_vec(),
			Outcome::Speech(speech) => return pipeline_doc("speech", speech),
			Outcome::Image(labels) => return pipeline_doc("image", labels),
			Outcome::Text(vectors) => return pipeline_doc("text", vectors),
			Outcome::Generation(generated) => return pipeline_doc("generation", generated),
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

impl Failure {
	#[cfg(test)]
	const ALL: [Failure; 11] = [
		Failure::InvalidModule,
		Failure::InvalidAbi,
		Failure::OutOfFuel,
		Failure::Trap,
		Failure::OutputTooLarge,
		Failure::InvalidModel,
		Failure::InvalidInput,
		Failure::ExecutionFailed,
		Failure::MemoryLimit,
		Failure::ContentUnavailable,
		Failure::UndeclaredWork,
	];

	/// The failure of a reason code, as a result document writes it.
	pub fn from_code(code: &str) -> Option<Self> {
		use serde::de::{value::StrDeserializer, Deserialize};
		Self::deserialize(StrDeserializer::<serde::de::value::Error>::new(code)).ok()
	}
}

impl Outcome {
	/// The outcome of a result document of `runner`, only if the document is canonical: what
	/// [`Outcome::encode`] gives for it, to the byte.
	pub fn decode(runner: Runner, bytes: &[u8]) -> Option<Outcome> {
		if bytes == CONTENT_UNAVAILABLE {
			return Some(Outcome::Failed(runner, Failure::ContentUnavailable));
		}
		let pipeline = PipelineResult::of(bytes).filter(|_| runner == Runner::Onnx);
		if let Some(result) = pipeline {
			let outcome = result.read(bytes)?;
			return (outcome.encode() == bytes).then_some(outcome);
		}
		// Typed, not a `serde_json::Value` tree: an ONNX result may hold millions of values.
		let doc: DocIn = serde_json::from_slice(bytes).ok()?;
		if doc.workload != runner.name() {
			return None;
		}
		let outcome = match (doc.status.as_str(), runner) {
			("failed", _) => Outcome::Failed(runner, Failure::from_code(&doc.reason?)?),
			("ok", Runner::Wasm) => Outcome::Wasm(hex::decode(doc.output?).ok()?),
			("ok", Runner::Magika) => {
				Outcome::Magika { label: doc.label?, score: u32::try_from(doc.score?).ok()? }
			},
			("ok", Runner::Onnx) => Outcome::Onnx(doc.outputs?),
			_ => return None,
		};
		(outcome.encode() == bytes).then_some(outcome)
	}
}

/// A result document as read, before [`Outcome::decode`] checks that it is canonical.
#[derive(serde::Deserialize)]
struct DocIn {
	workload: String,
	status: String,
	output: Option<String>,
	outputs: Option<Vec<TensorOut>>,
	label: Option<String>,
	score: Option<u64>,
	reason: Option<String>,
}

impl<'de> serde::Deserialize<'de> for Value {
	fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		struct Visitor;
		impl serde::de::Visitor<'_> for Visitor {
			type Value = Value;

			fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
				f.write_str(r#"an integer, a boolean, or "nan", "inf" or "-inf""#)
			}

			fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Value, E> {
				Ok(Value::Int(v))
			}

			fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
				i64::try_from(v).map(Value::Int).map_err(|_| E::custom("an integer beyond i64"))
			}

			fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Value, E> {
				Ok(Value::Bool(v))
			}

			fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
				["nan", "inf", "-inf"]
					.into_iter()
					.find(|n| *n == v)
					.map(Value::NonFinite)
					.ok_or_else(|| E::custom("a string other than nan, inf or -inf"))
			}
		}
		d.deserialize_any(Visitor)
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

/// A unit in which the pipelines count their work (the chain's `WorkUnit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
	/// A text job's tokens over all its lines; a generation's prompt tokens plus its
	/// `max_new_tokens`.
	Tokens,
	/// A picture's width times its height.
	Pixels,
	/// A recording's length in milliseconds, rounded up.
	AudioMs,
}

impl Unit {
	pub const ALL: [Unit; 3] = [Unit::Tokens, Unit::Pixels, Unit::AudioMs];

	/// The unit of a name [`Unit::name`] gives.
	pub fn from_name(name: &str) -> Option<Self> {
		Self::ALL.into_iter().find(|u| u.name() == name)
	}

	/// `tokens`, `pixels` or `audio-ms`.
	pub fn name(self) -> &'static str {
		match self {
			Unit::Tokens => "tokens",
			Unit::Pixels => "pixels",
			Unit::AudioMs => "audio-ms",
		}
	}
}

/// An amount of work in a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Work {
	pub unit: Unit,
	pub amount: u64,
}

impl std::fmt::Display for Work {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}:{}", self.unit.name(), self.amount)
	}
}

impl std::str::FromStr for Work {
	type Err = String;

	/// `UNIT:AMOUNT`, such as `tokens:1200`; the amount above zero.
	fn from_str(s: &str) -> Result<Self, String> {
		let (unit, amount) = s.split_once(':').ok_or("work is UNIT:AMOUNT, such as tokens:1200")?;
		let unit = Unit::from_name(unit)
			.ok_or_else(|| format!("unit {unit:?} is none of tokens, pixels, audio-ms"))?;
		let amount = amount
			.parse::<u64>()
			.ok()
			.filter(|a| *a > 0)
			.ok_or_else(|| format!("amount {amount:?} is not a whole number above zero"))?;
		Ok(Work { unit, amount })
	}
}

/// The work `input` holds for `workload`: `None` for a workload that counts none (WASM, a
/// bare ONNX model, Magika), else what its pipeline counts, without running its model. A
/// requester declares it; a provider's worker counts it again ([`execute_within`]). An input
/// or model the pipeline cannot read gives the failure the run would give.
pub fn work(runner: Runner, workload: &[u8], input: &[u8]) -> Result<Option<Work>, Failure> {
	use pipeline::Manifest;
	if runner != Runner::Onnx {
		return Ok(None);
	}
	let Some((manifest, model)) = pipeline::parse(workload) else {
		return match pipeline::is_pipeline(workload) {
			true => Err(Failure::InvalidModel),
			false => Ok(None),
		};
	};
	let (unit, amount) = match manifest {
		Manifest::SpeechSegments(_) => (Unit::AudioMs, speech::milliseconds(input)?),
		Manifest::ImageLabels(_) => (Unit::Pixels, image::pixel_count(input)?),
		Manifest::TextEmbedding(params) => {
			(Unit::Tokens, text::token_count(&params, model, input)?)
		},
		Manifest::TextGeneration(params) => {
			(Unit::Tokens, generate::token_count(&params, model, input)?)
		},
	};
	Ok(Some(Work { unit, amount }))
}

/// Runs a workload for a job that declares `declared` work (`None`: nothing declared, any
/// work). When it declares some, the input's work is counted first ([`work`]); more than
/// declared, another unit, or work declared for a workload that counts none is
/// `undeclared_work`, and the model does not run. An input whose work cannot be counted runs
/// as usual, and fails as the count did.
pub fn execute_within(
	runner: Runner,
	workload: &[u8],
	input: &[u8],
	declared: Option<Work>,
) -> anyhow::Result<Outcome> {
	if let Some(declared) = declared {
		let count = || work(runner, workload, input);
		match std::panic::catch_unwind(std::panic::AssertUnwindSafe(count)) {
			Ok(Ok(Some(w))) if w.unit == declared.unit && w.amount <= declared.amount => {},
			Ok(Ok(counted)) => {
				log::debug!("the input holds {counted:?}, more than the declared {declared}");
				return Ok(Outcome::Failed(runner, Failure::UndeclaredWork));
			},
			Ok(Err(_)) | Err(_) => {},
		}
	}
	execute(runner, workload, input)
}

/// Whether two result documents are the same answer within `tolerance`: the same bytes, or
/// two successful results of the same runner that differ only in numbers rounded from
/// floats, each by at most `tolerance` units (of 1e-4): an ONNX model's float outputs
/// (`f16`, `f32`, `f64`: name, type and shape must match, integer and boolean outputs must be
/// equal), Magika's score (the label must match), a speech pipeline's probabilities (see
/// [`speech`]: its parameters and length must match, and each result's segments must be what
/// its own probabilities give), or a picture's scores (see [`image`]: the picture's size, the
/// labels and the number of best labels must match, and each result's best labels must be
/// what its own scores give), or a text's vectors (see [`text`]: the dimension and each
/// text's token count must match), or a generation's log-probabilities (see [`generate`]:
/// the prompt, the tokens and the text must match; other generations are judged by
/// re-scoring them, [`check`]). WASM outputs and failures agree only to the byte. Different
/// CPUs round a model's floats differently, so honest machines reveal different hashes; an
/// arbiter judges each replica's result with this. ONNX and pipeline documents are read typed
/// and must be canonical.
pub fn within(a: &[u8], b: &[u8], tolerance: u32) -> bool {
	if a == b {
		return true;
	}
	let typed = |d: &[u8]| {
		PipelineResult::of(d).is_some() || d.starts_with(br#"{"workload":"onnx","status":"ok""#)
	};
	if typed(a) || typed(b) {
		return match (Outcome::decode(Runner::Onnx, a), Outcome::decode(Runner::Onnx, b)) {
			(Some(Outcome::Speech(a)), Some(Outcome::Speech(b))) => {
				speech_within(&a, &b, tolerance)
			},
			(Some(Outcome::Image(a)), Some(Outcome::Image(b))) => image_within(&a, &b, tolerance),
			(Some(Outcome::Text(a)), Some(Outcome::Text(b))) => text_within(&a, &b, tolerance),
			(Some(Outcome::Generation(a)), Some(Outcome::Generation(b))) => {
				generation_within(&a, &b, tolerance)
			},
			(Some(Outcome::Onnx(a)), Some(Outcome::Onnx(b))) => {
				a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| tensors_within(x, y, tolerance))
			},
			_ => false,
		};
	}
	let (Ok(a), Ok(b)) = (
		serde_json::from_slice::<serde_json::Value>(a),
		serde_json::from_slice::<serde_json::Value>(b),
	) else {
		return false;
	};
	let (Some(a), Some(b)) = (a.as_object(), b.as_object()) else { return false };
	if a.get("status").and_then(|s| s.as_str()) != Some("ok") || a.len() != b.len() {
		return false;
	}
	a.iter().all(|(key, x)| {
		let Some(y) = b.get(key) else { return false };
		match (key.as_str(), a.get("workload").and_then(|w| w.as_str())) {
			("score", Some("magika")) => match (x.as_u64(), y.as_u64()) {
				(Some(x), Some(y)) => x.abs_diff(y) <= u64::from(tolerance),
				_ => false,
			},
			_ => x == y,
		}
	})
}

/// Two rounded numbers at most `tolerance` apart; anything else only when equal.
fn close(x: &Value, y: &Value, tolerance: u32) -> bool {
	match (x, y) {
		(Value::Int(x), Value::Int(y)) => x.abs_diff(*y) <= u64::from(tolerance),
		_ => x == y,
	}
}

/// Two speech results with the same valid parameters and length, probabilities within
/// `tolerance`, and segments that each one's own probabilities give.
fn speech_within(a: &speech::Speech, b: &speech::Speech, tolerance: u32) -> bool {
	let consistent = |s: &speech::Speech| {
		s.params.valid()
			&& s.probs.len() as u64 == speech::frame_count(s.samples)
			&& speech::segments(&s.params, &s.probs, s.samples) == s.segments
	};
	a.params == b.params
		&& a.samples == b.samples
		&& a.probs.len() == b.probs.len()
		&& a.probs.iter().zip(&b.probs).all(|(x, y)| close(x, y, tolerance))
		&& consistent(a)
		&& consistent(b)
}

/// Two picture results of the same picture size and labels, scores within `tolerance`, as
/// many top labels, and top labels that each one's own scores give.
fn image_within(a: &image::ImageLabels, b: &image::ImageLabels, tolerance: u32) -> bool {
	(a.width, a.height) == (b.width, b.height)
		&& a.labels == b.labels
		&& a.scores.len() == b.scores.len()
		&& a.scores.iter().zip(&b.scores).all(|(x, y)| close(x, y, tolerance))
		&& a.top.len() == b.top.len()
		&& a.consistent()
		&& b.consistent()
}

/// Two text results of the same dimension and token counts whose values are within
/// `tolerance`.
fn text_within(a: &text::Embeddings, b: &text::Embeddings, tolerance: u32) -> bool {
	a.dim == b.dim
		&& a.tokens == b.tokens
		&& a.vectors.len() == b.vectors.len()
		&& a.vectors.iter().zip(&b.vectors).all(|(x, y)| {
			x.len() == y.len() && x.iter().zip(y).all(|(x, y)| close(x, y, tolerance))
		}) && a.consistent()
		&& b.consistent()
}

/// Two generations of the same prompt, tokens and text whose log-probabilities are within
/// `tolerance`: the one's tokens re-scored by the other's run. Other generations are judged by
/// re-scoring ([`check`]).
fn generation_within(a: &generate::Generation, b: &generate::Generation, tolerance: u32) -> bool {
	a.prompt == b.prompt
		&& a.tokens == b.tokens
		&& a.text == b.text
		&& a.logprobs.len() == b.logprobs.len()
		&& a.logprobs.iter().zip(&b.logprobs).all(|(x, y)| close(x, y, tolerance))
		&& a.consistent()
		&& b.consistent()
}

/// Whether a result document is one an arbiter judges by re-running the job's model on it
/// ([`check`]) when it is not [`within`] the arbiter's own: a generation's.
pub fn is_generation_result(result: &[u8]) -> bool {
	PipelineResult::of(result) == Some(PipelineResult::Generation)
}

/// An arbiter's judgement of a result by re-running the job's model on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
	/// The result is one the job may give.
	Agrees,
	/// It is not.
	Differs,
}

impl Check {
	/// The word a checking worker writes.
	pub fn word(self) -> &'static str {
		match self {
			Check::Agrees => "agrees",
			Check::Differs => "differs",
		}
	}

	/// The judgement of a word [`Check::word`] gives.
	pub fn from_word(word: &[u8]) -> Option<Self> {
		[Check::Agrees, Check::Differs]
			.into_iter()
			.find(|c| c.word().as_bytes() == word)
	}
}

/// Whether `claimed` is a result the job of `workload` may give on `input`, within
/// `tolerance`, judged by re-running the model: a generation is re-scored token by token (see
/// [`generate`]). A result that is not a canonical generation document of a text-generation
/// pipeline differs, as does one whose job fails here (the arbiter's own run gives that
/// failure).
pub fn check(workload: &[u8], input: &[u8], claimed: &[u8], tolerance: u32) -> Check {
	let Some(Outcome::Generation(claimed)) = Outcome::decode(Runner::Onnx, claimed) else {
		return Check::Differs;
	};
	let Some((pipeline::Manifest::TextGeneration(params), model)) = pipeline::parse(workload)
	else {
		return Check::Differs;
	};
	// A panic inside tract (on a claimed token, say) means the claim is not the job's result.
	let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
		generate::check(&params, model, input, &claimed, tolerance)
	}));
	match checked {
		Ok(Ok(true)) => Check::Agrees,
		Ok(Ok(false)) => Check::Differs,
		Ok(Err(f)) => {
			log::info!("check: the job gives {f:?} here");
			Check::Differs
		},
		Err(_) => {
			log::warn!("check: the model panicked on the claimed result");
			Check::Differs
		},
	}
}

/// Two output tensors of the same name, type and shape whose values are equal, or for
/// floats within `tolerance`.
fn tensors_within(x: &TensorOut, y: &TensorOut, tolerance: u32) -> bool {
	if x.name != y.name
		|| x.datum != y.datum
		|| x.shape != y.shape
		|| x.values.len() != y.values.len()
	{
		return false;
	}
	let float = matches!(x.datum.as_str(), "f16" | "f32" | "f64");
	x.values
		.iter()
		.zip(&y.values)
		.all(|(a, b)| if float { close(a, b, tolerance) } else { a == b })
}

/// The most segments [`describe`] lists.
const DESCRIBED_SEGMENTS: usize = 10;

/// The most values of a text's vector [`describe`] shows.
const DESCRIBED_VALUES: usize = 4;

/// The most characters of a generated text [`describe`] shows.
const DESCRIBED_TEXT: usize = 200;

/// The longest result document [`describe`] writes out in full: longer ONNX results are
/// described by their outputs' names, types and shapes.
const DESCRIBED_IN_FULL: usize = 16 << 10;

/// A rounded number as a decimal: `9912` is "0.9912".
fn show_score(v: &Value) -> String {
	match v {
		Value::Int(x) => format!("{:.4}", *x as f64 / FLOAT_SCALE),
		Value::NonFinite(name) => name.to_string(),
		Value::Bool(b) => b.to_string(),
	}
}

/// A short human answer for a result document: Magika's "pdf, 0.9912", a failure's reason,
/// a WASM output as text when it is UTF-8, a picture's best labels, speech segments, a text's
/// vectors in short, or the ONNX outputs' JSON.
pub fn describe(result: &[u8]) -> String {
	let pipeline = PipelineResult::of(result).and_then(|_| Outcome::decode(Runner::Onnx, result));
	if let Some(Outcome::Image(p)) = &pipeline {
		let each: Vec<String> = p
			.top
			.iter()
			.map(|i| {
				let score = p.scores.get(*i as usize).map_or(String::new(), show_score);
				format!("{} {score}", p.labels.get(*i as usize).map_or("?", |l| l.as_str()))
			})
			.collect();
		return format!("{} (a picture of {} × {})", each.join(", "), p.width, p.height);
	}
	if let Some(Outcome::Text(t)) = &pipeline {
		let tokens: u64 = t.tokens.iter().map(|n| u64::from(*n)).sum();
		let first: Vec<String> =
			t.vectors[0].iter().take(DESCRIBED_VALUES).map(show_score).collect();
		return format!(
			"{} vector{} of {} values from {tokens} tokens; the first starts {}{}",
			t.vectors.len(),
			if t.vectors.len() == 1 { "" } else { "s" },
			t.dim,
			first.join(", "),
			if t.dim as usize > DESCRIBED_VALUES { ", …" } else { "" }
		);
	}
	if let Some(Outcome::Generation(g)) = &pipeline {
		let mut text = g.text.clone();
		if let Some((cut, _)) = text.char_indices().nth(DESCRIBED_TEXT) {
			text.truncate(cut);
			text.push('…');
		}
		return format!(
			"{} token{} after a prompt of {}: {text:?}",
			g.tokens.len(),
			if g.tokens.len() == 1 { "" } else { "s" },
			g.prompt.len()
		);
	}
	if let Some(Outcome::Speech(s)) = pipeline {
		let seconds = |x: u64| x as f64 / speech::RATE as f64;
		let mut each: Vec<String> = s
			.segments
			.iter()
			.take(DESCRIBED_SEGMENTS)
			.map(|[a, b]| format!("{:.2}–{:.2} s", seconds(*a), seconds(*b)))
			.collect();
		if s.segments.len() > DESCRIBED_SEGMENTS {
			each.push(format!("… {} more", s.segments.len() - DESCRIBED_SEGMENTS));
		}
		return format!(
			"speech in {} segment{} of {:.2} s: {}",
			s.segments.len(),
			if s.segments.len() == 1 { "" } else { "s" },
			seconds(s.samples),
			if each.is_empty() { "none".to_string() } else { each.join(", ") }
		);
	}
	if result.len() > DESCRIBED_IN_FULL {
		if let Ok(DocIn { outputs: Some(outputs), .. }) = serde_json::from_slice(result) {
			let each: Vec<String> = outputs
				.iter()
				.map(|t| format!("{} {} {:?}: {} values", t.name, t.datum, t.shape, t.values.len()))
				.collect();
			return format!("{} (the result document has the values)", each.join("; "));
		}
	}
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

	fn onnx_doc(datum: &str, values: &[i64]) -> Vec<u8> {
		Outcome::Onnx(vec![TensorOut {
			name: "y".into(),
			datum: datum.into(),
			shape: vec![values.len()],
			values: values.iter().map(|v| Value::Int(*v)).collect(),
		}])
		.encode()
	}

	#[test]
	fn results_within_the_tolerance_are_the_same_answer() {
		let a = onnx_doc("f32", &[10_000, -2_500, 7]);
		// One output a unit off, as another CPU rounds it.
		let b = onnx_doc("f32", &[10_001, -2_500, 6]);
		assert!(within(&a, &a, 0));
		assert!(!within(&a, &b, 0));
		assert!(within(&a, &b, 1));
		assert!(within(&b, &a, 1));
		// Beyond the tolerance, or another shape, type or count: another answer.
		assert!(!within(&a, &onnx_doc("f32", &[10_003, -2_500, 7]), 2));
		assert!(!within(&a, &onnx_doc("f32", &[10_000, -2_500]), 100));
		assert!(!within(&a, &onnx_doc("f64", &[10_000, -2_500, 7]), 100));
		// Integer outputs (class indices) must be equal whatever the tolerance.
		assert!(!within(&onnx_doc("i64", &[3]), &onnx_doc("i64", &[4]), 100));
		// Non-finite values must match.
		let inf = Outcome::Onnx(vec![TensorOut {
			name: "y".into(),
			datum: "f32".into(),
			shape: vec![1],
			values: vec![Value::NonFinite("inf")],
		}])
		.encode();
		assert!(!within(&inf, &onnx_doc("f32", &[i64::MAX]), 10_000));
		// Magika: the same label, a score within the tolerance.
		let m = |label: &str, score| Outcome::Magika { label: label.into(), score }.encode();
		assert!(within(&m("pdf", 9912), &m("pdf", 9915), 3));
		assert!(!within(&m("pdf", 9912), &m("pdf", 9916), 3));
		assert!(!within(&m("pdf", 9912), &m("zip", 9912), 3));
		// WASM outputs and failures agree to the byte only.
		let w = |out: &[u8]| Outcome::Wasm(out.to_vec()).encode();
		assert!(!within(&w(b"1"), &w(b"2"), 10_000));
		let failed = Outcome::Failed(Runner::Onnx, Failure::InvalidModel).encode();
		assert!(!within(&failed, &a, 10_000));
		assert!(!within(CONTENT_UNAVAILABLE, &a, 10_000));
		assert!(within(CONTENT_UNAVAILABLE, CONTENT_UNAVAILABLE, 0));
		// Not a result document at all.
		assert!(!within(b"{", &a, 10_000));
	}

	#[test]
	fn canonical_documents_decode_and_others_do_not() {
		let t = TensorOut {
			name: "y".into(),
			datum: "f32".into(),
			shape: vec![1, 3],
			values: vec![Value::Int(-5), Value::NonFinite("-inf"), Value::Bool(true)],
		};
		let all = [
			(Runner::Wasm, Outcome::Wasm(b"hi".to_vec())),
			(Runner::Wasm, Outcome::Wasm(Vec::new())),
			(Runner::Onnx, Outcome::Onnx(vec![t.clone(), t])),
			(Runner::Magika, Outcome::Magika { label: "pdf".into(), score: 9912 }),
		]
		.into_iter()
		.chain(
			Failure::ALL
				.into_iter()
				.map(|f| (Runner::Onnx, Outcome::Failed(Runner::Onnx, f))),
		);
		for (runner, outcome) in all {
			assert_eq!(Outcome::decode(runner, &outcome.encode()), Some(outcome));
		}
		assert_eq!(
			Outcome::Failed(Runner::Onnx, Failure::MemoryLimit).encode(),
			br#"{"workload":"onnx","status":"failed","reason":"memory_limit"}"#
		);
		// Not canonical: whitespace, another field order, another runner, an unknown reason.
		for bad in [
			&br#"{"workload":"wasm", "status":"ok","output":"6869"}"#[..],
			br#"{"status":"ok","workload":"wasm","output":"6869"}"#,
			br#"{"workload":"wasm","status":"ok","output":"6869","x":1}"#,
			br#"{"workload":"magika","status":"ok","label":"pdf","score":9912}"#,
			br#"{"workload":"wasm","status":"failed","reason":"tired"}"#,
			br#"{"workload":"wasm","status":"ok","output":"68G9"}"#,
		] {
			assert_eq!(
				Outcome::decode(Runner::Wasm, bad),
				None,
				"{}",
				String::from_utf8_lossy(bad)
			);
		}
		// ONNX documents: a float, another string, an integer beyond i64, a key twice.
		let onnx = |values: &str| {
			format!(
				r#"{{"workload":"onnx","status":"ok","outputs":[{{"name":"y","type":"f32","shape":[1],"values":[{values}]}}]}}"#
			)
		};
		assert!(Outcome::decode(Runner::Onnx, onnx("-3").as_bytes()).is_some());
		for bad in [
			onnx("1.5"),
			onnx(r#""nope""#),
			onnx("9223372036854775808"),
			r#"{"workload":"onnx","status":"ok","status":"ok","outputs":[]}"#.to_string(),
		] {
			assert_eq!(Outcome::decode(Runner::Onnx, bad.as_bytes()), None, "{bad}");
		}
	}

	#[test]
	fn text_results_are_the_same_answer_with_the_same_tokens_and_values_within_the_tolerance() {
		let result = |tokens: Vec<u32>, vectors: Vec<Vec<i64>>| text::Embeddings {
			dim: vectors.first().map_or(0, |v| v.len() as u32),
			tokens,
			vectors: vectors.into_iter().map(|v| v.into_iter().map(Value::Int).collect()).collect(),
		};
		let a = result(vec![5, 3], vec![vec![6000, -8000], vec![10000, 0]]);
		let doc = Outcome::Text(a.clone()).encode();
		assert_eq!(
			doc,
			br#"{"workload":"text","status":"ok","dim":2,"tokens":[5,3],"vectors":[[6000,-8000],[10000,0]]}"#
		);
		assert_eq!(Outcome::decode(Runner::Onnx, &doc), Some(Outcome::Text(a.clone())));
		assert_eq!(
			describe(&doc),
			"2 vectors of 2 values from 8 tokens; the first starts 0.6000, -0.8000"
		);
		// Another CPU's rounding: the same answer within 2 units, not within 1.
		let b = Outcome::Text(result(vec![5, 3], vec![vec![6002, -8000], vec![9999, 1]])).encode();
		assert!(within(&doc, &b, 2));
		assert!(!within(&doc, &b, 1));
		// Other token counts (another tokenizer, or text cut elsewhere), a text fewer, vectors
		// cut short, a vector other than `dim` long, an unknown field: not the same answer.
		let recut = Outcome::Text(result(vec![4, 3], vec![vec![6000, -8000], vec![10000, 0]]));
		assert!(!within(&recut.encode(), &doc, 10));
		let fewer = Outcome::Text(result(vec![5], vec![vec![6000, -8000]])).encode();
		assert!(!within(&fewer, &doc, 10));
		let cut = Outcome::Text(text::Embeddings {
			dim: 2,
			..result(vec![5, 3], vec![vec![6000], vec![10000]])
		});
		assert_eq!(Outcome::decode(Runner::Onnx, &cut.encode()), None);
		assert!(!within(&cut.encode(), &doc, 10));
		let odd = br#"{"workload":"text","status":"ok","dim":2,"tokens":[5,3],"vectors":[[6000,-8000],[10000,0,1]]}"#;
		assert_eq!(Outcome::decode(Runner::Onnx, odd), None);
		let extra = br#"{"workload":"text","status":"ok","dim":2,"tokens":[5,3],"vectors":[[6000,-8000],[10000,0]],"x":1}"#;
		assert_eq!(Outcome::decode(Runner::Onnx, extra), None);
		assert!(!within(extra, &doc, 10));
	}

	#[test]
	fn picture_results_are_the_same_answer_only_with_their_own_best_labels() {
		let result = |scores: [i64; 3], top: &[u32]| image::ImageLabels {
			width: 4,
			height: 2,
			labels: ["cat", "dog", "fox"].map(String::from).into(),
			scores: scores.map(Value::Int).into(),
			top: top.to_vec(),
		};
		let a = result([4000, 3999, 1], &[0, 1]);
		let doc = Outcome::Image(a.clone()).encode();
		assert_eq!(
			doc,
			br#"{"workload":"image","status":"ok","width":4,"height":2,"labels":["cat","dog","fox"],"scores":[4000,3999,1],"top":[0,1]}"#
		);
		assert_eq!(Outcome::decode(Runner::Onnx, &doc), Some(Outcome::Image(a.clone())));
		assert_eq!(Outcome::decode(Runner::Magika, &doc), None);
		assert_eq!(describe(&doc), "cat 0.4000, dog 0.3999 (a picture of 4 × 2)");
		// Another CPU rounds cat and dog the other way: both are honest within 1 unit.
		let b = Outcome::Image(result([3999, 4000, 1], &[1, 0])).encode();
		assert!(within(&doc, &b, 1));
		assert!(!within(&doc, &b, 0));
		// Best labels its scores do not give, a picture of another size, other labels, fewer
		// best labels, a top label that is not one: not the same answer.
		let not_its_own = Outcome::Image(result([4000, 3999, 1], &[1, 0])).encode();
		assert_eq!(Outcome::decode(Runner::Onnx, &not_its_own), None);
		assert!(!within(&not_its_own, &b, 10));
		let wider = Outcome::Image(image::ImageLabels { width: 5, ..a.clone() }).encode();
		assert!(!within(&wider, &doc, 10));
		let renamed = image::ImageLabels {
			labels: ["cat", "dog", "wolf"].map(String::from).into(),
			..a.clone()
		};
		assert!(!within(&Outcome::Image(renamed).encode(), &doc, 10));
		let fewer = Outcome::Image(result([4000, 3999, 1], &[0])).encode();
		assert!(!within(&fewer, &doc, 10));
		let beyond = Outcome::Image(result([4000, 3999, 1], &[7])).encode();
		assert_eq!(Outcome::decode(Runner::Onnx, &beyond), None);
		// Not canonical: another order of fields, or a space.
		let spaced = String::from_utf8(doc.clone()).unwrap().replace(",\"top\"", ", \"top\"");
		assert_eq!(Outcome::decode(Runner::Onnx, spaced.as_bytes()), None);
		let reordered = br#"{"workload":"image","status":"ok","height":2,"width":4,"labels":["cat","dog","fox"],"scores":[4000,3999,1],"top":[0,1]}"#;
		assert_eq!(Outcome::decode(Runner::Onnx, reordered), None);
	}

	#[test]
	fn speech_results_are_the_same_answer_only_with_their_own_segments() {
		let p = speech::Params::default();
		let frame = speech::FRAME as u64;
		let result = |levels: &[i64]| {
			let probs: Vec<Value> = levels.iter().map(|x| Value::Int(*x)).collect();
			let samples = levels.len() as u64 * frame;
			let segments = speech::segments(&p, &probs, samples);
			speech::Speech { params: p.clone(), samples, probs, segments }
		};
		let mut levels = vec![0; 30];
		for l in &mut levels[5..20] {
			*l = 9_000;
		}
		// A probability on the threshold: one CPU rounds it up, another down, and the
		// segment starts a frame later; both are honest.
		levels[4] = 5_000;
		let a = result(&levels);
		levels[4] = 4_999;
		let b = result(&levels);
		assert_ne!(a.segments, b.segments);
		let (a_doc, b_doc) =
			(Outcome::Speech(a.clone()).encode(), Outcome::Speech(b.clone()).encode());
		assert_eq!(Outcome::decode(Runner::Onnx, &a_doc), Some(Outcome::Speech(a.clone())));
		assert_eq!(Outcome::decode(Runner::Wasm, &a_doc), None);
		assert!(within(&a_doc, &b_doc, 1));
		assert!(!within(&a_doc, &b_doc, 0));
		// Segments its probabilities do not give: a segment dropped, or the output cut short.
		let dropped = speech::Speech { segments: Vec::new(), ..a.clone() };
		assert!(!within(&Outcome::Speech(dropped).encode(), &b_doc, 10));
		let mut cut = a.clone();
		cut.probs.truncate(10);
		cut.segments = speech::segments(&p, &cut.probs, cut.samples);
		let cut_doc = Outcome::Speech(cut.clone()).encode();
		assert_eq!(
			Outcome::decode(Runner::Onnx, &cut_doc),
			None,
			"fewer probabilities than frames"
		);
		assert!(!within(&cut_doc, &b_doc, 10));
		// Documents the pipeline cannot give: a length far beyond the probabilities, or
		// parameters it refuses.
		let endless = speech::Speech { samples: u64::MAX, ..cut };
		assert_eq!(Outcome::decode(Runner::Onnx, &Outcome::Speech(endless).encode()), None);
		let bad_params = speech::Speech {
			params: speech::Params { neg_threshold: 9_000, ..p.clone() },
			..a.clone()
		};
		assert!(!within(&Outcome::Speech(bad_params).encode(), &b_doc, 10));
		// Other parameters are another answer.
		let other =
			speech::Speech { params: speech::Params { threshold: 4_000, ..p.clone() }, ..a };
		assert!(!within(&Outcome::Speech(other).encode(), &b_doc, 10));
		assert_eq!(describe(&a_doc), "speech in 1 segment of 0.96 s: 0.10–0.67 s");
	}

	#[test]
	fn describes_results_for_people() {
		assert_eq!(
			describe(&Outcome::Magika { label: "pdf".into(), score: 9912 }.encode()),
			"pdf, 0.9912"
		);
		assert_eq!(describe(&Outcome::Wasm(b"42".to_vec()).encode()), "42");
		let tensor = |n: usize| TensorOut {
			name: "y".into(),
			datum: "f32".into(),
			shape: vec![1, n],
			values: vec![Value::Int(-12); n],
		};
		assert_eq!(
			describe(&Outcome::Onnx(vec![tensor(2)]).encode()),
			r#"[{"name":"y","shape":[1,2],"type":"f32","values":[-12,-12]}]"#
		);
		assert_eq!(
			describe(&Outcome::Onnx(vec![tensor(10_000)]).encode()),
			"y f32 [1, 10000]: 10000 values (the result document has the values)"
		);
		assert_eq!(
			describe(&Outcome::Failed(Runner::Onnx, Failure::InvalidInput).encode()),
			"failed: invalid_input"
		);
	}
}
