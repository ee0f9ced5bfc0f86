//! Pipelines: an ONNX model with the steps that turn what people have (a recording, …) into
//! its input and its output into an answer, in one workload.
//!
//! A pipeline is an ONNX workload (the chain's `WorkloadKind::Onnx`) whose bytes are
//!
//! ```text
//! ALLMENDE-PIPELINE\n ‖ u32 LE manifest length ‖ manifest (JSON) ‖ the ONNX model
//! ```
//!
//! The manifest names the pipeline's kind and its parameters, so the workload's hash fixes
//! the model and every step around it. `allmende-agent pipeline` writes one. Kinds:
//!
//! - `speech-segments` ([`super::speech`]): a WAV recording → 16 kHz mono → a voice activity
//!   model with Silero VAD's sequence interface → the speech probability of every 32 ms frame
//!   and the segments of speech.
//! - `image-labels` ([`super::image`]): a PNG or JPEG picture → resized and normalised as the
//!   manifest says → a classifier → a score per label and the best labels.
//! - `text-embedding` ([`super::text`]): lines of text → the model's own tokenizer → a text
//!   encoder → a vector per line. Its model part is the `tokenizer.json`, then the model.
//! - `text-generation` ([`super::generate`]): a prompt → the model's own tokenizer → a decoder
//!   with a key-value cache, greedy or seeded sampling → the generated tokens and their
//!   log-probabilities. Its model part is the `tokenizer.json`, then the model.

use serde::{Deserialize, Serialize};

use super::{generate, image, speech, text, Failure, Outcome, Runner};

/// The first bytes of every pipeline.
pub const MAGIC: &[u8] = b"ALLMENDE-PIPELINE\n";

/// The longest manifest read (`pipeline` refuses to write a longer one).
pub const MAX_MANIFEST: usize = 1 << 20;

/// A pipeline's manifest: `{"kind":"speech-segments",…}` with the kind's parameters beside
/// its name.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Manifest {
	/// Speech segments of a WAV recording.
	SpeechSegments(speech::Params),
	/// The labels of a PNG or JPEG picture.
	ImageLabels(image::Params),
	/// A vector per line of text.
	TextEmbedding(text::Params),
	/// Text a language model generates after a prompt.
	TextGeneration(generate::Params),
}

impl<'de> Deserialize<'de> for Manifest {
	/// Read as a JSON object first, then as the kind's parameters: serde's own reading of an
	/// internally tagged enum buffers the fields, and with serde_json's `arbitrary_precision`
	/// (which the agent's `Cargo.toml` turns on) a buffered number is no longer a float.
	fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		use serde::de::Error;
		let mut fields = serde_json::Map::deserialize(d)?;
		let kind = fields.remove("kind").ok_or_else(|| D::Error::missing_field("kind"))?;
		let params = serde_json::Value::Object(fields);
		let read = |e: serde_json::Error| D::Error::custom(e);
		match kind.as_str() {
			Some("speech-segments") => {
				serde_json::from_value(params).map(Manifest::SpeechSegments).map_err(read)
			},
			Some("image-labels") => {
				serde_json::from_value(params).map(Manifest::ImageLabels).map_err(read)
			},
			Some("text-embedding") => {
				serde_json::from_value(params).map(Manifest::TextEmbedding).map_err(read)
			},
			Some("text-generation") => {
				serde_json::from_value(params).map(Manifest::TextGeneration).map_err(read)
			},
			_ => Err(D::Error::unknown_variant(
				&kind.to_string(),
				&["speech-segments", "image-labels", "text-embedding", "text-generation"],
			)),
		}
	}
}

/// Whether a workload is a pipeline whose results an arbiter judges by re-running its model
/// on them ([`super::check`]): a `text-generation` pipeline.
pub fn is_text_generation(workload: &[u8]) -> bool {
	matches!(parse(workload), Some((Manifest::TextGeneration(_), _)))
}

/// Whether a workload is a pipeline (it starts with [`MAGIC`]).
pub fn is_pipeline(workload: &[u8]) -> bool {
	workload.starts_with(MAGIC)
}

/// A pipeline's manifest and model; `None` if it is not one.
pub fn parse(workload: &[u8]) -> Option<(Manifest, &[u8])> {
	let rest = workload.strip_prefix(MAGIC)?;
	let (len, rest) = rest.split_first_chunk::<4>()?;
	let len = usize::try_from(u32::from_le_bytes(*len)).ok().filter(|l| *l <= MAX_MANIFEST)?;
	if rest.len() < len {
		return None;
	}
	let (manifest, model) = rest.split_at(len);
	Some((serde_json::from_slice(manifest).ok()?, model))
}

/// The bytes of a pipeline.
pub fn write(manifest: &Manifest, model: &[u8]) -> Vec<u8> {
	let json = serde_json::to_vec(manifest).expect("a manifest is plain data");
	let mut out = Vec::with_capacity(MAGIC.len() + 4 + json.len() + model.len());
	out.extend_from_slice(MAGIC);
	out.extend_from_slice(&(json.len() as u32).to_le_bytes());
	out.extend_from_slice(&json);
	out.extend_from_slice(model);
	out
}

/// Runs a pipeline on an input. A workload that starts like a pipeline but whose manifest
/// does not read is `invalid_model`.
pub fn run(workload: &[u8], input: &[u8]) -> Outcome {
	match parse(workload) {
		Some((Manifest::SpeechSegments(params), model)) => speech::run(&params, model, input),
		Some((Manifest::ImageLabels(params), model)) => image::run(&params, model, input),
		Some((Manifest::TextEmbedding(params), model)) => text::run(&params, model, input),
		Some((Manifest::TextGeneration(params), model)) => generate::run(&params, model, input),
		None => Outcome::Failed(Runner::Onnx, Failure::InvalidModel),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn pipelines_read_back_and_malformed_ones_do_not() {
		let manifest = Manifest::SpeechSegments(speech::Params::default());
		let bytes = write(&manifest, b"model bytes");
		assert!(is_pipeline(&bytes));
		assert_eq!(parse(&bytes), Some((manifest, &b"model bytes"[..])));
		let labels = Manifest::ImageLabels(image::Params {
			pad: -0.25,
			top: 2,
			..image::Params::text_line_orientation()
		});
		let bytes = write(&labels, b"model");
		let json = std::str::from_utf8(&bytes[MAGIC.len() + 4..bytes.len() - 5]).unwrap();
		assert_eq!(
			serde_json::from_str::<Manifest>(json).map_err(|e| e.to_string()),
			Ok(labels.clone())
		);
		assert_eq!(parse(&bytes), Some((labels, &b"model"[..])));
		let json = br#"{"kind":"speech-segments","threshold":5000,"extra":1}"#;
		let mut unknown_field = MAGIC.to_vec();
		unknown_field.extend_from_slice(&(json.len() as u32).to_le_bytes());
		unknown_field.extend_from_slice(json);
		for bad in [&bytes[..MAGIC.len() + 2], &bytes[..MAGIC.len() + 10], &unknown_field[..]] {
			assert_eq!(parse(bad), None);
			assert_eq!(run(bad, b""), Outcome::Failed(Runner::Onnx, Failure::InvalidModel));
		}
	}
}
