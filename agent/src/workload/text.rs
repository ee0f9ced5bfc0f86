//! Vectors of sentences: the `text-embedding` pipeline.
//!
//! Every step is defined here, so that replicas agree:
//!
//! 1. **Texts.** The input is UTF-8 text with one text per line (`\n`; a `\r` ending a line
//!    is dropped, and a last newline ends the last line rather than starting an empty one).
//!    An empty line is a text too, so vector `i` is always line `i`. 1 ..= [`MAX_TEXTS`]
//!    lines; anything else is `invalid_input`. A line longer than [`MAX_TEXT_BYTES`] is cut
//!    to its first [`MAX_TEXT_BYTES`] (at a character's start) before tokenising: no model
//!    takes more tokens than such a start gives, and the tokenizer's work stays bounded.
//! 2. **Tokens**, by the model's own `tokenizer.json` read by Hugging Face's `tokenizers`
//!    (its normaliser, pre-tokeniser, model and post-processor, special tokens added), with
//!    the file's own padding and truncation replaced: no padding, and each text cut to
//!    `max_tokens` tokens counting the special tokens (the tokenizer's rule: the end of the
//!    text is dropped). Tokenising is integer and table work, the same on every CPU. A
//!    tokenizer that would not tokenise alike everywhere or in bounded time is
//!    `invalid_model`: BPE with dropout (random merges), WordPiece that looks up words of
//!    more than [`MAX_WORD_CHARS`] characters, or one that fails on an empty text. Regular
//!    expressions (`Split`, `Replace`) run on `fancy-regex`, not the Oniguruma engine of the
//!    Python package, so a pattern using what only Oniguruma has may tokenise differently
//!    from Python (but alike on every replica). A tokenizer that adds no special tokens gives
//!    an empty line no tokens, and such an input is `invalid_input`.
//! 3. **The model** runs once per text (a batch of one, so nothing is padded) on its inputs
//!    by name, each i64 `[1, tokens]`: `input_ids`, `attention_mask` (ones) and
//!    `token_type_ids`, as many of them as it takes; a model with another input is
//!    `invalid_model`. Its first output is the token vectors `[1, tokens, dim]` for `mean`
//!    and `cls` pooling, or the text's vector (`dim` values in any shape) for `none`.
//! 4. **Pooling**, in `f64`: `mean` averages the token vectors, `cls` takes the first
//!    token's, `none` the output as it is; `normalize` then divides the vector by its length
//!    (a vector of length zero stays zero). Values are rounded to multiples of 1e-4 like every
//!    float result.
//!
//! The result: `{"workload":"text","status":"ok","dim":D,"tokens":[n,…],"vectors":[[…],…]}`,
//! the number of tokens the model saw for each text and its vector. Two results are the same
//! answer within a tolerance when their dimensions and token counts are equal and each value
//! is within the tolerance of the other's.
//!
//! The workload of a text pipeline holds the tokenizer before the model: its manifest's
//! `tokenizer_bytes` is the length of the `tokenizer.json` that starts the pipeline's model
//! part, and the ONNX model is the rest. The hash of the workload thus fixes both.

use serde::{Deserialize, Serialize};
use tract_onnx::prelude::*;

use super::{
	onnx::{self, Plan},
	Failure, Outcome, Runner, Value,
};

/// The most texts (lines) an input may have.
pub const MAX_TEXTS: usize = 4096;
/// The longest start of a line that is tokenised.
pub const MAX_TEXT_BYTES: usize = 64 << 10;
/// The longest word a WordPiece tokenizer may look up (its `max_input_chars_per_word`; the
/// time it takes grows with the cube of a word's length).
pub const MAX_WORD_CHARS: usize = 1000;
/// The most values (texts × dimension) a result may have.
pub const MAX_VALUES: usize = 1 << 24;
/// The most tokens a manifest may let a text have.
pub const MAX_TOKENS: u32 = 8192;
/// The longest vector a result may have.
pub const MAX_DIM: u32 = 65_536;

/// How the token vectors become the text's vector.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Pooling {
	/// The mean of the token vectors (sentence-transformers' usual pooling).
	#[default]
	Mean,
	/// The first token's vector (BERT's `[CLS]`).
	Cls,
	/// The model pools: its first output is the text's vector.
	None,
}

/// The parameters of the `text-embedding` pipeline, in its manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
	/// The length of the `tokenizer.json` before the model.
	pub tokenizer_bytes: u32,
	/// The most tokens of a text the model sees, special tokens included.
	#[serde(default = "default_max_tokens")]
	pub max_tokens: u32,
	#[serde(default)]
	pub pooling: Pooling,
	/// Whether vectors are divided by their length.
	#[serde(default = "yes")]
	pub normalize: bool,
}

fn default_max_tokens() -> u32 {
	512
}

fn yes() -> bool {
	true
}

impl Params {
	/// 1 ..= [`MAX_TOKENS`] tokens per text.
	pub fn valid(&self) -> bool {
		(1..=MAX_TOKENS).contains(&self.max_tokens)
	}
}

/// What the pipeline gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Embeddings {
	/// The length of every vector.
	pub dim: u32,
	/// The tokens the model saw for each text.
	pub tokens: Vec<u32>,
	/// Each text's vector, rounded (numbers, or `"nan"`, `"inf"`, `"-inf"`).
	pub vectors: Vec<Vec<Value>>,
}

impl Embeddings {
	/// What the pipeline can give: 1 ..= [`MAX_TEXTS`] texts, each with 1 ..= [`MAX_TOKENS`]
	/// tokens and a vector of `dim` values, `dim` in 1 ..= [`MAX_DIM`].
	pub fn consistent(&self) -> bool {
		(1..=MAX_DIM).contains(&self.dim)
			&& (1..=MAX_TEXTS).contains(&self.tokens.len())
			&& self.tokens.len().saturating_mul(self.dim as usize) <= MAX_VALUES
			&& self.vectors.len() == self.tokens.len()
			&& self.tokens.iter().all(|t| (1..=MAX_TOKENS).contains(t))
			&& self.vectors.iter().all(|v| {
				v.len() == self.dim as usize && !v.iter().any(|x| matches!(x, Value::Bool(_)))
			})
	}
}

fn failed(f: Failure) -> Outcome {
	Outcome::Failed(Runner::Onnx, f)
}

/// The texts of an input: its lines (see the module's documentation).
pub fn texts(input: &[u8]) -> Result<Vec<&str>, TextError> {
	let text = std::str::from_utf8(input).map_err(|e| TextError::NotUtf8(e.valid_up_to()))?;
	if text.is_empty() {
		return Err(TextError::Empty);
	}
	let text = text.strip_suffix('\n').unwrap_or(text);
	let lines: Vec<&str> = text
		.split('\n')
		.map(|l| start(l.strip_suffix('\r').unwrap_or(l)))
		.take(MAX_TEXTS + 1)
		.collect();
	if lines.len() > MAX_TEXTS {
		return Err(TextError::TooMany);
	}
	Ok(lines)
}

/// The first [`MAX_TEXT_BYTES`] of a line, cut where a character starts.
fn start(line: &str) -> &str {
	if line.len() <= MAX_TEXT_BYTES {
		return line;
	}
	let cut = (0..=MAX_TEXT_BYTES).rev().find(|i| line.is_char_boundary(*i)).unwrap_or(0);
	&line[..cut]
}

/// Why an input is not texts the pipeline reads.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
	#[error("not UTF-8 (from byte {0})")]
	NotUtf8(usize),
	#[error("no text")]
	Empty,
	#[error("more than {MAX_TEXTS} lines")]
	TooMany,
}

/// The tokenizer and the model of a text pipeline's model part.
pub fn split<'a>(params: &Params, model: &'a [u8]) -> Option<(&'a [u8], &'a [u8])> {
	let at = usize::try_from(params.tokenizer_bytes).ok().filter(|n| *n <= model.len())?;
	Some(model.split_at(at))
}

/// The pipeline's tokenizer with its padding off and its truncation at `max_tokens`;
/// `invalid_model` when it does not load, would not tokenise alike everywhere or in bounded
/// time (see the module's documentation), or `max_tokens` leaves no room for a text's
/// tokens.
pub fn tokenizer(params: &Params, json: &[u8]) -> Result<tokenizers::Tokenizer, Failure> {
	use tokenizers::ModelWrapper;
	let bad = |why: String| {
		log::debug!("the pipeline's tokenizer: {why}");
		Failure::InvalidModel
	};
	let mut tokenizer = tokenizers::Tokenizer::from_bytes(json)
		.map_err(|e| bad(format!("it does not load: {e}")))?;
	match tokenizer.get_model() {
		ModelWrapper::BPE(bpe) if bpe.dropout.is_some_and(|d| d > 0.0) => {
			return Err(bad("BPE with dropout merges at random".into()));
		},
		ModelWrapper::WordPiece(wp) if wp.max_input_chars_per_word > MAX_WORD_CHARS => {
			let n = wp.max_input_chars_per_word;
			return Err(bad(format!("words of up to {n} characters, more than {MAX_WORD_CHARS}")));
		},
		_ => {},
	}
	tokenizer.with_padding(None);
	// Room for at least one token of the text beside the special tokens.
	let special = {
		use tokenizers::PostProcessor;
		tokenizer.get_post_processor().map_or(0, |p| p.added_tokens(false))
	};
	if params.max_tokens as usize <= special {
		log::debug!("{} tokens leave no room beside {special} special tokens", params.max_tokens);
		return Err(Failure::InvalidModel);
	}
	let truncation = tokenizers::TruncationParams {
		max_length: params.max_tokens as usize,
		..Default::default()
	};
	tokenizer
		.with_truncation(Some(truncation))
		.map_err(|e| bad(format!("it cannot cut texts to {}: {e}", params.max_tokens)))?;
	// A post-processor whose template names a special token it lacks, or a second text,
	// panics inside `tokenizers` on every text: found here, on the empty one.
	let probe =
		std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tokenizer.encode("", true)));
	match probe {
		Ok(Ok(_)) => Ok(tokenizer),
		Ok(Err(e)) => Err(bad(format!("it fails on an empty text: {e}"))),
		Err(_) => Err(bad("it panics on an empty text".into())),
	}
}

/// One more than the highest token id a `tokenizer.json` gives (its added tokens included):
/// the rows a model's token table needs. `None` if it does not load.
pub fn vocab_size(json: &[u8]) -> Option<usize> {
	let tokenizer = tokenizers::Tokenizer::from_bytes(json).ok()?;
	tokenizer.get_vocab(true).values().max().map(|id| *id as usize + 1)
}

/// A text's tokens: their ids and type ids (the attention mask is all ones: nothing is
/// padded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tokens {
	pub ids: Vec<u32>,
	pub types: Vec<u32>,
}

/// Tokenises every text; `invalid_input` when the tokenizer refuses one or gives one no
/// tokens, `invalid_model` when it gives one more than `max_tokens` (its truncation should
/// not let it).
pub fn tokenize(
	params: &Params,
	tokenizer: &tokenizers::Tokenizer,
	texts: &[&str],
) -> Result<Vec<Tokens>, Failure> {
	texts
		.iter()
		.enumerate()
		.map(|(i, text)| {
			let e = tokenizer.encode(*text, true).map_err(|e| {
				log::debug!("text {i} does not tokenize: {e}");
				Failure::InvalidInput
			})?;
			let n = e.get_ids().len();
			if n == 0 {
				log::debug!("text {i} has no tokens");
				return Err(Failure::InvalidInput);
			}
			if n > params.max_tokens as usize {
				log::debug!("text {i} has {n} tokens, more than {}", params.max_tokens);
				return Err(Failure::InvalidModel);
			}
			Ok(Tokens { ids: e.get_ids().to_vec(), types: e.get_type_ids().to_vec() })
		})
		.collect()
}

/// Runs the pipeline (its tokenizer and model in `model`) on a text file.
pub fn run(params: &Params, model: &[u8], input: &[u8]) -> Outcome {
	let (tokens, model) = match read(params, model, input) {
		Ok(read) => read,
		Err(f) => return failed(f),
	};
	match onnx::with_fallback(|how| embed(params, model, &tokens, how)) {
		Ok(e) => Outcome::Text(e),
		Err(f) => failed(f),
	}
}

/// The tokens of every line of `input`, and the model part of the pipeline's `model`.
fn read<'a>(
	params: &Params,
	model: &'a [u8],
	input: &[u8],
) -> Result<(Vec<Tokens>, &'a [u8]), Failure> {
	let Some((json, model)) = split(params, model).filter(|_| params.valid()) else {
		return Err(Failure::InvalidModel);
	};
	let tokenizer = tokenizer(params, json)?;
	let texts = texts(input).map_err(|e| {
		log::debug!("text input: {e}");
		Failure::InvalidInput
	})?;
	Ok((tokenize(params, &tokenizer, &texts)?, model))
}

/// The tokens of every line together: the input's work ([`super::Unit::Tokens`]).
pub fn token_count(params: &Params, model: &[u8], input: &[u8]) -> Result<u64, Failure> {
	let (tokens, _) = read(params, model, input)?;
	Ok(tokens.iter().map(|t| t.ids.len() as u64).sum())
}

/// A model input the pipeline feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Input {
	Ids,
	Mask,
	Types,
}

impl Input {
	fn of(name: &str) -> Option<Self> {
		match name {
			"input_ids" => Some(Self::Ids),
			"attention_mask" => Some(Self::Mask),
			"token_type_ids" => Some(Self::Types),
			_ => None,
		}
	}

	/// The input's values for a text, as i64.
	fn values(self, t: &Tokens) -> Vec<i64> {
		let wide = |v: &[u32]| v.iter().map(|x| i64::from(*x)).collect();
		match self {
			Self::Ids => wide(&t.ids),
			Self::Mask => vec![1; t.ids.len()],
			Self::Types => wide(&t.types),
		}
	}
}

/// The model prepared for texts of any length, and the inputs it takes in its order.
/// Everything that does not fit the pipeline is the model's fault: `invalid_model`.
fn prepare(
	model: &[u8],
	how: Plan,
) -> Result<(TypedRunnableModel<TypedModel>, Vec<Input>), Failure> {
	let bad = |e: TractError| {
		log::debug!("text model ({how:?}): {e:#}");
		Failure::InvalidModel
	};
	let mut m = tract_onnx::onnx().model_for_read(&mut &model[..]).map_err(bad)?;
	let outlets = m.input_outlets().map_err(bad)?.to_vec();
	let inputs = outlets
		.iter()
		.map(|o| {
			let name = &m.node(o.node).name;
			Input::of(name).ok_or_else(|| {
				log::debug!("the text model takes an input `{name}` the pipeline does not give");
				Failure::InvalidModel
			})
		})
		.collect::<Result<Vec<_>, _>>()?;
	if inputs.is_empty() {
		return Err(Failure::InvalidModel);
	}
	// A batch of one text of any number of tokens. Where the model's first input names these
	// sizes (`batch`, `sequence`), its names stay: its other values may be declared with them.
	let declared = |axis: usize| match m.input_fact(0).ok().and_then(|f| f.shape.dims().nth(axis)) {
		Some(tract_onnx::tract_hir::infer::GenericFactoid::Only(named @ TDim::Sym(_))) => {
			Some(named.clone())
		},
		_ => None,
	};
	let batch = declared(0).unwrap_or(TDim::from(1));
	let tokens = declared(1).unwrap_or_else(|| TDim::from(m.symbols.sym("tokens")));
	for ix in 0..inputs.len() {
		let shape = [batch.clone(), tokens.clone()];
		m = m
			.with_input_fact(ix, InferenceFact::dt_shape(i64::datum_type(), shape))
			.map_err(bad)?;
	}
	Ok((onnx::plan(m, how).map_err(bad)?, inputs))
}

/// Every text's vector.
fn embed(
	params: &Params,
	model: &[u8],
	texts: &[Tokens],
	how: Plan,
) -> Result<Embeddings, Failure> {
	let (plan, inputs) = prepare(model, how)?;
	let mut dim = None;
	let mut vectors = Vec::with_capacity(texts.len());
	for (i, text) in texts.iter().enumerate() {
		let n = text.ids.len();
		let feed = inputs
			.iter()
			.map(|input| Tensor::from_shape(&[1, n], &input.values(text)).map(|t| t.into()))
			.collect::<TractResult<TVec<TValue>>>()
			.map_err(|_| Failure::ExecutionFailed)?;
		let outputs = plan.run(feed).map_err(|e| {
			log::debug!("text model failed on text {i} ({how:?}): {e:#}");
			Failure::ExecutionFailed
		})?;
		let first = outputs.first().ok_or(Failure::InvalidModel)?;
		let vector = pool(params.pooling, first, n)?;
		if dim.is_some_and(|d| d != vector.len()) {
			log::debug!("the text model gives a vector of {} values for text {i}", vector.len());
			return Err(Failure::InvalidModel);
		}
		if texts.len().saturating_mul(vector.len()) > MAX_VALUES {
			log::debug!("{} texts of {} values: more than {MAX_VALUES}", texts.len(), vector.len());
			return Err(Failure::InvalidInput);
		}
		dim = Some(vector.len());
		vectors.push(round(vector, params.normalize));
	}
	Ok(Embeddings {
		dim: dim.unwrap_or_default() as u32,
		tokens: texts.iter().map(|t| t.ids.len() as u32).collect(),
		vectors,
	})
}

/// The text's vector from the model's first output for `tokens` tokens, in `f64`: 1 ..=
/// [`MAX_DIM`] values.
fn pool(pooling: Pooling, output: &Tensor, tokens: usize) -> Result<Vec<f64>, Failure> {
	let dim = match (pooling, output.shape()) {
		(Pooling::None, _) => output.len(),
		(_, [1, n, dim]) if *n == tokens => *dim,
		(_, shape) => {
			log::debug!("the text model's token vectors are {shape:?} for {tokens} tokens");
			return Err(Failure::InvalidModel);
		},
	};
	if dim == 0 || dim > MAX_DIM as usize {
		log::debug!("the text model's vectors have {dim} values");
		return Err(Failure::InvalidModel);
	}
	let wide = output.cast_to::<f64>().map_err(|_| Failure::InvalidModel)?;
	let values = wide.as_slice::<f64>().map_err(|_| Failure::InvalidModel)?;
	if pooling == Pooling::None {
		return Ok(values.to_vec());
	}
	Ok(match pooling {
		Pooling::Cls => values[..dim].to_vec(),
		_ => {
			let mut sum = vec![0.0f64; dim];
			for row in values.chunks_exact(dim) {
				for (s, v) in sum.iter_mut().zip(row) {
					*s += v;
				}
			}
			sum.into_iter().map(|s| s / tokens as f64).collect()
		},
	})
}

/// The vector rounded, divided by its length first if `normalize`.
fn round(vector: Vec<f64>, normalize: bool) -> Vec<Value> {
	let length = vector.iter().map(|v| v * v).sum::<f64>().sqrt();
	let scale = if normalize && length > 0.0 && length.is_finite() { 1.0 / length } else { 1.0 };
	vector.into_iter().map(|v| Value::float(v * scale)).collect()
}

/// The workload of a text pipeline: `params` (their `tokenizer_bytes` set to the
/// tokenizer's length), the `tokenizer.json` and the model.
pub fn workload(params: Params, tokenizer: &[u8], model: &[u8]) -> Vec<u8> {
	let params = Params { tokenizer_bytes: tokenizer.len() as u32, ..params };
	super::pipeline::write(
		&super::pipeline::Manifest::TextEmbedding(params),
		&[tokenizer, model].concat(),
	)
}

/// The size of the last axis of a model's first output as the model declares it (a text
/// encoder's vector length), if it declares one.
pub fn declared_width(model: &[u8]) -> Option<usize> {
	let m = tract_onnx::onnx().model_for_read(&mut &model[..]).ok()?;
	let outlet = *m.output_outlets().ok()?.first()?;
	match m.outlet_fact(outlet).ok()?.shape.dims().last()? {
		tract_onnx::tract_hir::infer::GenericFactoid::Only(d) => {
			d.as_i64().and_then(|w| usize::try_from(w).ok())
		},
		_ => None,
	}
}

/// A BERT-style `tokenizer.json` (lower-casing, WordPiece, `[CLS] … [SEP]`) whose vocabulary
/// is the special tokens, `words`, and every ASCII letter and digit alone and as a word's
/// continuation (`##a`), so that every word of letters and digits has tokens. For tests and
/// examples with [`super::onnx::text_encoder_model`].
pub fn letters_tokenizer(words: &[&str]) -> Vec<u8> {
	use serde_json::json;
	let specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
	let mut vocab = serde_json::Map::new();
	let mut add = |token: String| {
		let id = vocab.len();
		vocab.entry(token).or_insert(json!(id));
	};
	for t in specials {
		add(t.to_string());
	}
	let chars = ('a'..='z').chain('0'..='9');
	for c in chars.clone().chain(".,!?'-".chars()) {
		add(c.to_string());
	}
	for c in chars {
		add(format!("##{c}"));
	}
	for w in words {
		add(w.to_lowercase());
	}
	let added: Vec<_> = specials
		.iter()
		.enumerate()
		.map(|(id, t)| {
			json!({"id": id, "content": t, "single_word": false, "lstrip": false,
				"rstrip": false, "normalized": false, "special": true})
		})
		.collect();
	let special = |id: &str| json!({"SpecialToken": {"id": id, "type_id": 0}});
	let tokenizer = json!({
		"version": "1.0",
		"truncation": null,
		"padding": null,
		"added_tokens": added,
		"normalizer": {"type": "BertNormalizer", "clean_text": true,
			"handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
		"pre_tokenizer": {"type": "BertPreTokenizer"},
		"post_processor": {
			"type": "TemplateProcessing",
			"single": [special("[CLS]"), {"Sequence": {"id": "A", "type_id": 0}}, special("[SEP]")],
			"pair": [special("[CLS]"), {"Sequence": {"id": "A", "type_id": 0}}, special("[SEP]"),
				{"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
			"special_tokens": {
				"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
				"[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]},
			},
		},
		"decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
		"model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
			"max_input_chars_per_word": 100, "vocab": vocab},
	});
	serde_json::to_vec_pretty(&tokenizer).expect("a tokenizer is plain data")
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::workload::{onnx, pipeline, within, FLOAT_SCALE};

	const WORDS: &[&str] = &["the", "market", "open"];

	fn params() -> Params {
		Params { tokenizer_bytes: 0, max_tokens: 16, pooling: Pooling::Mean, normalize: true }
	}

	/// A pipeline of the letters tokenizer and a random text encoder of width 16.
	fn pipeline(params: Params, seed: u64) -> Vec<u8> {
		let json = letters_tokenizer(WORDS);
		let model = onnx::text_encoder_model(vocab_size(&json).unwrap(), 64, 2, 16, 2, seed);
		workload(params, &json, &model)
	}

	fn embeddings(outcome: Outcome) -> Embeddings {
		match outcome {
			Outcome::Text(e) => e,
			other => panic!("not vectors: {other:?}"),
		}
	}

	#[test]
	fn a_provider_runs_no_more_work_than_the_job_declares() {
		use crate::workload::{execute_within, work, Runner, Unit, Work};
		let workload = pipeline(params(), 1);
		let input = b"the open market\nopen\n";
		let tokens = |amount| Work { unit: Unit::Tokens, amount };
		// Every line's tokens together: what `run` declares.
		let counted = work(Runner::Onnx, &workload, input).unwrap().unwrap();
		let lines = embeddings(pipeline::run(&workload, input)).tokens;
		assert_eq!(counted, tokens(lines.iter().map(|n| *n as u64).sum()));
		let run = |declared| execute_within(Runner::Onnx, &workload, input, declared).unwrap();
		let honest = pipeline::run(&workload, input);
		assert_eq!(run(None), honest);
		assert_eq!(run(Some(counted)), honest);
		assert_eq!(run(Some(tokens(counted.amount + 1))), honest);
		// Less than the input holds, or another unit: not run, the same failure everywhere.
		let undeclared = Outcome::Failed(Runner::Onnx, Failure::UndeclaredWork);
		assert_eq!(run(Some(tokens(counted.amount - 1))), undeclared);
		assert_eq!(run(Some(Work { unit: Unit::Pixels, amount: u64::MAX })), undeclared);
		// A workload that counts no work takes no declaration.
		let bare = onnx::example_model();
		let tensor = crate::workload::npy::write_f32(&[1, 4], &onnx::random_input(4, 7));
		assert_eq!(work(Runner::Onnx, &bare, &tensor), Ok(None));
		assert_eq!(
			execute_within(Runner::Onnx, &bare, &tensor, Some(tokens(1))).unwrap(),
			Outcome::Failed(Runner::Onnx, Failure::UndeclaredWork)
		);
		// An input the pipeline refuses is not counted: it runs, and fails as it would.
		assert_eq!(work(Runner::Onnx, &workload, b"\xff"), Err(Failure::InvalidInput));
		assert_eq!(
			execute_within(Runner::Onnx, &workload, b"\xff", Some(tokens(1))).unwrap(),
			Outcome::Failed(Runner::Onnx, Failure::InvalidInput)
		);
	}

	fn ints(v: &[Value]) -> Vec<i64> {
		v.iter()
			.map(|x| match x {
				Value::Int(i) => *i,
				other => panic!("not a number: {other:?}"),
			})
			.collect()
	}

	#[test]
	fn every_line_is_a_text() {
		assert_eq!(texts(b"one\ntwo\n"), Ok(vec!["one", "two"]));
		assert_eq!(texts(b"one\r\n\r\nthree"), Ok(vec!["one", "", "three"]));
		assert_eq!(texts(b"\n"), Ok(vec![""]));
		assert_eq!(texts(b""), Err(TextError::Empty));
		assert_eq!(texts(b"ok\n\xff"), Err(TextError::NotUtf8(3)));
		let many = "x\n".repeat(MAX_TEXTS);
		assert_eq!(texts(many.as_bytes()).map(|t| t.len()), Ok(MAX_TEXTS));
		assert_eq!(texts(format!("{many}x").as_bytes()), Err(TextError::TooMany));
	}

	#[test]
	fn texts_are_tokenized_by_the_tokenizer_and_cut_to_max_tokens() {
		let json = letters_tokenizer(WORDS);
		let p = params();
		let t = tokenizer(&p, &json).unwrap();
		let id = |s: &str| t.token_to_id(s).unwrap();
		let tokens = tokenize(&p, &t, &["The Market", "opens quiz", ""]).unwrap();
		assert_eq!(tokens[0].ids, [id("[CLS]"), id("the"), id("market"), id("[SEP]")]);
		assert_eq!(tokens[0].types, [0, 0, 0, 0]);
		// A word not in the vocabulary is its longest known start and continuations.
		assert_eq!(
			tokens[1].ids,
			[
				id("[CLS]"),
				id("open"),
				id("##s"),
				id("q"),
				id("##u"),
				id("##i"),
				id("##z"),
				id("[SEP]")
			]
		);
		assert_eq!(tokens[2].ids, [id("[CLS]"), id("[SEP]")]);
		// A long text keeps its start, and the special tokens count.
		let long = "open ".repeat(100);
		let cut = tokenize(&p, &t, &[long.as_str()]).unwrap();
		assert_eq!(cut[0].ids.len(), 16);
		assert_eq!(cut[0].ids[..2], [id("[CLS]"), id("open")]);
		assert_eq!(cut[0].ids[15], id("[SEP]"));
		// Not a tokenizer, or one that cannot cut to a single token: the model's fault.
		assert_eq!(tokenizer(&p, b"{}").err(), Some(Failure::InvalidModel));
		let one = Params { max_tokens: 1, ..params() };
		assert_eq!(tokenizer(&one, &json).err(), Some(Failure::InvalidModel));
	}

	#[test]
	fn long_lines_are_cut_before_tokenising() {
		let long = format!("{}é", "a".repeat(MAX_TEXT_BYTES - 1));
		let input = format!("{long}\nshort");
		let lines = texts(input.as_bytes()).unwrap();
		// The cut falls inside the two bytes of é: the line keeps the letters before it.
		assert_eq!(lines[0].len(), MAX_TEXT_BYTES - 1);
		assert_eq!(lines[1], "short");
	}

	/// `letters_tokenizer` with its JSON changed by `change`.
	fn changed(change: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
		let mut json: serde_json::Value =
			serde_json::from_slice(&letters_tokenizer(WORDS)).unwrap();
		change(&mut json);
		serde_json::to_vec(&json).unwrap()
	}

	#[test]
	fn tokenizers_that_would_not_tokenise_alike_or_in_bounded_time_are_the_models_fault() {
		let p = params();
		assert!(tokenizer(&p, &changed(|_| {})).is_ok());
		// BPE with dropout merges at random: two replicas would get other tokens.
		let bpe = |dropout: serde_json::Value| {
			changed(|j| {
				j["model"] = serde_json::json!({"type": "BPE", "dropout": dropout,
					"unk_token": "[UNK]", "vocab": {"[UNK]": 0, "[CLS]": 2, "[SEP]": 3, "a": 5, "b": 6, "ab": 7},
					"merges": [["a", "b"]]});
			})
		};
		assert!(tokenizer(&p, &bpe(serde_json::Value::Null)).is_ok());
		assert_eq!(tokenizer(&p, &bpe(serde_json::json!(0.5))).err(), Some(Failure::InvalidModel));
		// WordPiece looking up words of any length takes time cubic in a word's length.
		let long_words =
			changed(|j| j["model"]["max_input_chars_per_word"] = (MAX_WORD_CHARS + 1).into());
		assert_eq!(tokenizer(&p, &long_words).err(), Some(Failure::InvalidModel));
		// A template naming a special token it does not define, or a second text for one text:
		// `tokenizers` panics on every text; the pipeline refuses the tokenizer instead.
		let undefined = changed(|j| {
			j["post_processor"]["special_tokens"].as_object_mut().unwrap().remove("[SEP]");
		});
		assert_eq!(tokenizer(&p, &undefined).err(), Some(Failure::InvalidModel));
		let second = changed(|j| {
			j["post_processor"]["single"] = j["post_processor"]["pair"].clone();
		});
		assert_eq!(tokenizer(&p, &second).err(), Some(Failure::InvalidModel));
	}

	#[test]
	fn each_line_gets_a_vector_of_unit_length() {
		let workload = pipeline(params(), 1);
		let e = embeddings(pipeline::run(&workload, b"the open market\nthe open market\nopen\n"));
		assert!(e.consistent());
		assert_eq!(e.dim, 16);
		assert_eq!(e.tokens, [5, 5, 3]);
		assert_eq!(e.vectors[0], e.vectors[1], "the same text, the same vector");
		assert_ne!(e.vectors[0], e.vectors[2]);
		for v in &e.vectors {
			let length: f64 = ints(v).iter().map(|x| (*x as f64 / FLOAT_SCALE).powi(2)).sum();
			assert!((length - 1.0).abs() < 1e-3, "squared length {length}");
		}
		// Without normalising, the mean of token vectors after a layer norm is longer.
		let raw = embeddings(pipeline::run(
			&pipeline(Params { normalize: false, ..params() }, 1),
			b"open",
		));
		let length: f64 =
			ints(&raw.vectors[0]).iter().map(|x| (*x as f64 / FLOAT_SCALE).powi(2)).sum();
		assert!(length > 1.5, "squared length {length}");
		// Another model, other vectors; the first token's vector is not the mean.
		let other = embeddings(pipeline::run(&pipeline(params(), 2), b"open"));
		assert_ne!(other.vectors[0], e.vectors[2]);
		let cls = embeddings(pipeline::run(
			&pipeline(Params { pooling: Pooling::Cls, ..params() }, 1),
			b"open",
		));
		assert_ne!(cls.vectors[0], e.vectors[2]);
	}

	#[test]
	fn optimized_and_decluttered_plans_agree_within_a_unit() {
		let workload = pipeline(params(), 3);
		let (_, model) = pipeline::parse(&workload).unwrap();
		let p = Params { tokenizer_bytes: letters_tokenizer(WORDS).len() as u32, ..params() };
		let (json, model) = split(&p, model).unwrap();
		let t = tokenizer(&p, json).unwrap();
		let tokens = tokenize(&p, &t, &["the open market", "a quiet line of text"]).unwrap();
		let fast = embed(&p, model, &tokens, Plan::Optimized).unwrap();
		let slow = embed(&p, model, &tokens, Plan::Decluttered).unwrap();
		let doc = |e: &Embeddings| Outcome::Text(e.clone()).encode();
		assert!(within(&doc(&fast), &doc(&slow), 1), "{fast:?} {slow:?}");
	}

	#[test]
	fn canonical_failures() {
		let good = pipeline(params(), 1);
		let failure = |o: Outcome| match o {
			Outcome::Failed(Runner::Onnx, f) => f,
			other => panic!("not a failure: {other:?}"),
		};
		assert_eq!(failure(pipeline::run(&good, b"\xff\xfe")), Failure::InvalidInput);
		assert_eq!(failure(pipeline::run(&good, b"")), Failure::InvalidInput);
		// A tokenizer length beyond the model part, a broken tokenizer, no tokens allowed.
		let (manifest, model) = pipeline::parse(&good).unwrap();
		let pipeline::Manifest::TextEmbedding(p) = manifest else { unreachable!() };
		let beyond = Params { tokenizer_bytes: model.len() as u32 + 1, ..p.clone() };
		let write =
			|p: Params, model: &[u8]| pipeline::write(&pipeline::Manifest::TextEmbedding(p), model);
		assert_eq!(failure(pipeline::run(&write(beyond, model), b"x")), Failure::InvalidModel);
		let short = Params { tokenizer_bytes: p.tokenizer_bytes - 1, ..p.clone() };
		assert_eq!(failure(pipeline::run(&write(short, model), b"x")), Failure::InvalidModel);
		let none = Params { max_tokens: 0, ..p.clone() };
		assert_eq!(failure(pipeline::run(&write(none, model), b"x")), Failure::InvalidModel);
		// A model with an input the pipeline does not give (a picture classifier's `x`).
		let json = &model[..p.tokenizer_bytes as usize];
		let picture = [json, &onnx::image_model(2, 2, 3, 1)].concat();
		assert_eq!(
			failure(pipeline::run(&write(p.clone(), &picture), b"x")),
			Failure::InvalidModel
		);
		// `none` pooling on token vectors: texts of other lengths give vectors of other
		// lengths, which no text model gives.
		let whole = Params { pooling: Pooling::None, ..p };
		let tokens_out = write(whole, model);
		assert!(matches!(pipeline::run(&tokens_out, b"open"), Outcome::Text(e) if e.dim == 3 * 16));
		assert_eq!(failure(pipeline::run(&tokens_out, b"open\nthe open")), Failure::InvalidModel);
	}
}
