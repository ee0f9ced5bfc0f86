//! Text from a language model: the `text-generation` pipeline, and how an arbiter checks a
//! replica's generation without trusting the machine it ran on.
//!
//! Every step is defined here, so that replicas agree:
//!
//! 1. **The prompt** is the whole input, UTF-8, at most [`text::MAX_TEXT_BYTES`] bytes;
//!    anything else is `invalid_input`.
//! 2. **Tokens**, by the model's own `tokenizer.json` as in the `text-embedding` pipeline
//!    ([`text::tokenizer`]: its special tokens added, the same tokenizers refused). A prompt of
//!    no tokens or more than `max_prompt_tokens` is `invalid_input` (it is never cut).
//! 3. **The model** is a decoder with Hugging Face's exported interface: inputs `input_ids`,
//!    `attention_mask` (ones over the cached and the new tokens), `position_ids` if it takes
//!    them, and per layer `past_key_values.{l}.key` and `.value`, f32 `[1, heads, past,
//!    head size]`; outputs `logits` `[1, tokens, vocabulary]` and per layer `present.{l}.key`
//!    and `.value`, the cache after the tokens. Any other input, or a cache input without its
//!    output, is `invalid_model`. The prompt runs in one pass with an empty cache, then each
//!    chosen token runs alone with the cache.
//! 4. **Choosing.** At every step the logits of the last token become log-probabilities in
//!    `f64` (a log-softmax). With `temperature` 0 the token of the highest log-probability is
//!    chosen (greedy). With a temperature `T` the token of the highest `logprob + T·g` is
//!    (that of the highest `logprob / T + g`), where `g` is Gumbel noise drawn for the step
//!    and the token from `seed` ([`noise`]): that samples from the model's distribution at
//!    temperature `T`, and anyone can draw the same noise. Ties go to the lowest token id.
//!    Generation ends after a token of `stop`, or after `max_new_tokens` tokens.
//!
//! The result: `{"workload":"generation","status":"ok","prompt":[id,…],"tokens":[id,…],
//! "logprobs":[…],"text":"…"}`: the prompt's tokens, the generated ones, each generated token's
//! log-probability rounded to 1e-4 (the scores the replica saw, which it commits to with the
//! result's hash), and the generated tokens decoded (special tokens skipped).
//!
//! **Checking** ([`check`]). Token choices are discrete: two honest machines whose logits differ
//! in the last bits may choose different tokens where two are nearly tied, and from there on
//! generate different texts. So results are not compared to each other; an arbiter re-scores
//! the replica's tokens, teacher-forced, on its own machine, and accepts a result when
//!
//! - its prompt is what the arbiter's tokenizer makes of the input, and its text what the
//!   tokens decode to;
//! - it ends as the rule says: no stop token before the last token, and `max_new_tokens`
//!   tokens unless the last one is a stop token;
//! - each token's claimed log-probability is within the job's tolerance (in units of 1e-4) of
//!   the one the arbiter computes;
//! - each token's choice score (its log-probability, or `logprob + T·g`) is within the
//!   tolerance of the best choice score at its position.
//!
//! A replica that ran another model, another prompt, another temperature or seed, or cut the
//! generation short fails one of these; an honest replica on another CPU passes them all as
//! long as the CPUs' log-probabilities differ by less than half the tolerance (a choice's gap
//! may move by twice that), since its choices were the best on its own machine (providers
//! refuse jobs below their `min_tolerance`). The arbiter runs the prompt as the generator did,
//! then the claimed tokens in chunks of [`CHECK_CHUNK`] with the cache, judging each chunk's
//! rows as they come; a result whose row from a chunk of several tokens fails is re-scored one
//! token at a time, exactly as the generator ran, before it is judged wrong. Checking thus
//! holds the logits of one pass at a time, like generating, and costs a chunked pass and, for
//! such a result, a token-by-token one (about two runs of the model).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use tract_onnx::prelude::*;

use super::{
	onnx::{self, Plan},
	text, Failure, Outcome, Runner, Value, FLOAT_SCALE,
};

/// The most tokens a manifest may let a generation add.
pub const MAX_NEW_TOKENS: u32 = 4096;
/// The most tokens a manifest may let a prompt have.
pub const MAX_PROMPT_TOKENS: u32 = 4096;
/// The most stop tokens a manifest may name.
pub const MAX_STOP: usize = 16;
/// The highest temperature a manifest may ask for.
pub const MAX_TEMPERATURE: f64 = 100.0;
/// The largest vocabulary (logits per token) the pipeline takes.
pub const MAX_VOCAB: usize = 1 << 20;
/// The longest generated text a result may hold, in bytes.
pub const MAX_OUTPUT_TEXT: usize = 1 << 20;
/// How many claimed tokens a check runs through the model at once.
pub const CHECK_CHUNK: usize = 16;

/// The parameters of the `text-generation` pipeline, in its manifest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
	/// The length of the `tokenizer.json` before the model.
	pub tokenizer_bytes: u32,
	/// The most tokens a prompt may have, special tokens included.
	#[serde(default = "default_max_prompt_tokens")]
	pub max_prompt_tokens: u32,
	/// The most tokens generated.
	#[serde(default = "default_max_new_tokens")]
	pub max_new_tokens: u32,
	/// 0 for greedy choices, else the temperature of seeded sampling.
	#[serde(default)]
	pub temperature: f64,
	/// The seed of the sampling noise (unused when greedy).
	#[serde(default)]
	pub seed: u64,
	/// Token ids that end the generation (the last token is then one of them).
	#[serde(default)]
	pub stop: Vec<u32>,
}

fn default_max_prompt_tokens() -> u32 {
	512
}

fn default_max_new_tokens() -> u32 {
	32
}

impl Params {
	/// 1 ..= [`MAX_PROMPT_TOKENS`] prompt tokens, 1 ..= [`MAX_NEW_TOKENS`] new ones, a
	/// temperature in 0 ..= [`MAX_TEMPERATURE`], at most [`MAX_STOP`] stop tokens.
	pub fn valid(&self) -> bool {
		(1..=MAX_PROMPT_TOKENS).contains(&self.max_prompt_tokens)
			&& (1..=MAX_NEW_TOKENS).contains(&self.max_new_tokens)
			&& self.temperature.is_finite()
			&& (0.0..=MAX_TEMPERATURE).contains(&self.temperature)
			&& self.stop.len() <= MAX_STOP
	}

	/// The parameters of the tokenizer checks the text pipeline makes: texts cut one token
	/// past the longest prompt, so a longer prompt is seen (and refused) in bounded time.
	fn tokenizing(&self) -> text::Params {
		text::Params {
			tokenizer_bytes: self.tokenizer_bytes,
			max_tokens: self.max_prompt_tokens.saturating_add(1),
			pooling: text::Pooling::None,
			normalize: false,
		}
	}
}

/// The pipeline's tokenizer, checked as the text pipeline checks one ([`text::tokenizer`]);
/// `invalid_model` when it would not tokenise alike everywhere or in bounded time.
pub fn tokenizer(params: &Params, json: &[u8]) -> Result<tokenizers::Tokenizer, Failure> {
	text::tokenizer(&params.tokenizing(), json)
}

/// The tokenizer and the model of a generation pipeline's model part.
pub fn split<'a>(params: &Params, model: &'a [u8]) -> Option<(&'a [u8], &'a [u8])> {
	text::split(&params.tokenizing(), model)
}

/// What the pipeline gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generation {
	/// The prompt's tokens.
	pub prompt: Vec<u32>,
	/// The generated tokens.
	pub tokens: Vec<u32>,
	/// Each generated token's log-probability, rounded.
	pub logprobs: Vec<Value>,
	/// The generated tokens decoded, special tokens skipped.
	pub text: String,
}

impl Generation {
	/// What the pipeline can give: 1 ..= [`MAX_PROMPT_TOKENS`] prompt tokens, 1 ..=
	/// [`MAX_NEW_TOKENS`] generated ones each with a finite log-probability, and at most
	/// [`MAX_OUTPUT_TEXT`] bytes of text.
	pub fn consistent(&self) -> bool {
		(1..=MAX_PROMPT_TOKENS as usize).contains(&self.prompt.len())
			&& (1..=MAX_NEW_TOKENS as usize).contains(&self.tokens.len())
			&& self.logprobs.len() == self.tokens.len()
			&& self.logprobs.iter().all(|v| matches!(v, Value::Int(_)))
			&& self.text.len() <= MAX_OUTPUT_TEXT
	}
}

fn failed(f: Failure) -> Outcome {
	Outcome::Failed(Runner::Onnx, f)
}

/// The tokenizer, the model and the prompt's tokens of a generation job.
struct Job<'a> {
	tokenizer: tokenizers::Tokenizer,
	model: &'a [u8],
	prompt: Vec<u32>,
}

impl<'a> Job<'a> {
	/// Reads the pipeline's model part and tokenises the prompt (see the module's
	/// documentation).
	fn read(params: &Params, model: &'a [u8], input: &[u8]) -> Result<Self, Failure> {
		let tokenizing = params.tokenizing();
		let Some((json, model)) = split(params, model).filter(|_| params.valid()) else {
			return Err(Failure::InvalidModel);
		};
		let tokenizer = tokenizer(params, json)?;
		if input.len() > text::MAX_TEXT_BYTES {
			log::debug!("a prompt of {} bytes, more than {}", input.len(), text::MAX_TEXT_BYTES);
			return Err(Failure::InvalidInput);
		}
		let prompt = std::str::from_utf8(input).map_err(|e| {
			log::debug!("the prompt is not UTF-8 (from byte {})", e.valid_up_to());
			Failure::InvalidInput
		})?;
		let mut tokens = text::tokenize(&tokenizing, &tokenizer, &[prompt])?;
		let prompt = tokens.pop().map(|t| t.ids).unwrap_or_default();
		if prompt.len() > params.max_prompt_tokens as usize {
			log::debug!("the prompt has more than {} tokens", params.max_prompt_tokens);
			return Err(Failure::InvalidInput);
		}
		Ok(Self { tokenizer, model, prompt })
	}

	/// The generated tokens decoded, special tokens skipped; `invalid_model` when the
	/// tokenizer cannot decode them or the text is longer than [`MAX_OUTPUT_TEXT`].
	fn decode(&self, tokens: &[u32]) -> Result<String, Failure> {
		let text = self.tokenizer.decode(tokens, true).map_err(|e| {
			log::debug!("the tokenizer cannot decode the generated tokens: {e}");
			Failure::InvalidModel
		})?;
		if text.len() > MAX_OUTPUT_TEXT {
			log::debug!("the generated text has {} bytes, more than {MAX_OUTPUT_TEXT}", text.len());
			return Err(Failure::InvalidModel);
		}
		Ok(text)
	}
}

/// The prompt's tokens plus the most tokens the job may generate: the input's work
/// ([`super::Unit::Tokens`]), known before the model runs.
pub fn token_count(params: &Params, model: &[u8], input: &[u8]) -> Result<u64, Failure> {
	let job = Job::read(params, model, input)?;
	Ok((job.prompt.len() as u64).saturating_add(u64::from(params.max_new_tokens)))
}

/// Runs the pipeline (its tokenizer and model in `model`) on a prompt.
pub fn run(params: &Params, model: &[u8], input: &[u8]) -> Outcome {
	let job = match Job::read(params, model, input) {
		Ok(job) => job,
		Err(f) => return failed(f),
	};
	let generated = onnx::with_fallback(|how| generate(params, job.model, &job.prompt, how));
	let (tokens, logprobs) = match generated {
		Ok(g) => g,
		Err(f) => return failed(f),
	};
	match job.decode(&tokens) {
		Ok(text) => Outcome::Generation(Generation { prompt: job.prompt, tokens, logprobs, text }),
		Err(f) => failed(f),
	}
}

/// What a model input is fed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Feed {
	Ids,
	Mask,
	Positions,
	/// The cache of the output with this index.
	Past(usize),
}

/// A decoder prepared for any number of tokens after any number of cached ones.
struct Decoder {
	plan: TypedRunnableModel<TypedModel>,
	/// What each input is fed, in the model's order.
	feeds: Vec<Feed>,
	/// The index of the `logits` output.
	logits: usize,
	/// Each cache input's heads and head size.
	cache: Vec<[usize; 2]>,
}

/// The output a cache input's values come from: `past_key_values.{l}.key` from
/// `present.{l}.key`, and so for values.
fn present_of(past: &str) -> Option<String> {
	let rest = past.strip_prefix("past_key_values.")?;
	let (layer, what) = rest.split_once('.')?;
	(layer.parse::<u32>().is_ok() && matches!(what, "key" | "value"))
		.then(|| format!("present.{layer}.{what}"))
}

impl Decoder {
	/// The model prepared; everything that does not fit the interface is `invalid_model`.
	fn prepare(model: &[u8], how: Plan) -> Result<Self, Failure> {
		use tract_onnx::tract_hir::infer::GenericFactoid;
		let bad = |e: TractError| {
			log::debug!("decoder ({how:?}): {e:#}");
			Failure::InvalidModel
		};
		let refuse = |why: String| {
			log::debug!("decoder: {why}");
			Failure::InvalidModel
		};
		let mut m = tract_onnx::onnx().model_for_read(&mut &model[..]).map_err(bad)?;
		let outputs = onnx::output_names(&m).map_err(bad)?;
		let output = |name: &str| outputs.iter().position(|o| o == name);
		let logits = output("logits").ok_or_else(|| refuse("no `logits` output".into()))?;
		let inputs: Vec<String> = m
			.input_outlets()
			.map_err(bad)?
			.iter()
			.map(|o| m.node(o.node).name.clone())
			.collect();
		let mut feeds = Vec::with_capacity(inputs.len());
		let mut cache = Vec::new();
		let mut past = None;
		for (ix, name) in inputs.iter().enumerate() {
			feeds.push(match name.as_str() {
				"input_ids" => Feed::Ids,
				"attention_mask" => Feed::Mask,
				"position_ids" => Feed::Positions,
				_ => {
					let present = present_of(name)
						.and_then(|p| output(&p))
						.ok_or_else(|| refuse(format!("an input `{name}` it cannot be fed")))?;
					// `[batch, heads, past, head size]`, heads and head size fixed.
					let fact = m.input_fact(ix).map_err(bad)?;
					let dims: Vec<_> = fact.shape.dims().cloned().collect();
					let fixed = |d: &GenericFactoid<TDim>| match d {
						GenericFactoid::Only(d) => {
							d.as_i64().and_then(|x| usize::try_from(x).ok()).filter(|x| *x > 0)
						},
						_ => None,
					};
					let [_, heads, length, size] = dims.as_slice() else {
						return Err(refuse(format!("`{name}` does not have four axes")));
					};
					let (Some(heads), Some(size)) = (fixed(heads), fixed(size)) else {
						return Err(refuse(format!("`{name}` has no fixed heads and head size")));
					};
					if let GenericFactoid::Only(named @ TDim::Sym(_)) = length {
						past.get_or_insert_with(|| named.clone());
					}
					cache.push([heads, size]);
					Feed::Past(present)
				},
			});
		}
		if !feeds.contains(&Feed::Ids) || !feeds.contains(&Feed::Mask) {
			return Err(refuse("it does not take `input_ids` and `attention_mask`".into()));
		}
		// A cache of keys and values for layers 0, 1, …: the interface of a decoder exported
		// with its cache.
		let layers = cache.len() / 2;
		let complete = (0..layers).all(|l| {
			["key", "value"]
				.iter()
				.all(|what| inputs.iter().any(|n| *n == format!("past_key_values.{l}.{what}")))
		});
		if layers == 0 || cache.len() % 2 != 0 || !complete {
			return Err(refuse("no cache of keys and values for layers 0, 1, …".into()));
		}
		// The model's own names for the sizes stay where it declares them: its other values
		// may be declared with them.
		let ids_ix = feeds.iter().position(|f| *f == Feed::Ids).unwrap_or_default();
		let declared = |axis: usize| match m.input_fact(ids_ix).ok()?.shape.dims().nth(axis) {
			Some(GenericFactoid::Only(named @ TDim::Sym(_))) => Some(named.clone()),
			_ => None,
		};
		let batch = declared(0).unwrap_or(TDim::from(1));
		let tokens = declared(1).unwrap_or_else(|| TDim::from(m.symbols.sym("tokens")));
		let past = past.unwrap_or_else(|| TDim::from(m.symbols.sym("past")));
		let mut next_cache = cache.iter();
		for (ix, feed) in feeds.iter().enumerate() {
			let fact = match feed {
				Feed::Ids | Feed::Positions => {
					InferenceFact::dt_shape(i64::datum_type(), [batch.clone(), tokens.clone()])
				},
				Feed::Mask => InferenceFact::dt_shape(
					i64::datum_type(),
					[batch.clone(), past.clone() + tokens.clone()],
				),
				Feed::Past(_) => {
					let [heads, size] = next_cache.next().copied().unwrap_or([1, 1]);
					let shape = [batch.clone(), heads.into(), past.clone(), size.into()];
					InferenceFact::dt_shape(f32::datum_type(), shape)
				},
			};
			m = m.with_input_fact(ix, fact).map_err(bad)?;
		}
		let plan = onnx::plan(m, how).map_err(bad)?;
		Ok(Self { plan, feeds, logits, cache })
	}

	/// An empty cache.
	fn empty(&self) -> Result<Vec<Tensor>, Failure> {
		self.cache
			.iter()
			.map(|[heads, size]| Tensor::zero::<f32>(&[1, *heads, 0, *size]))
			.collect::<TractResult<_>>()
			.map_err(|_| Failure::ExecutionFailed)
	}

	/// Runs `tokens` after the `past` tokens whose cache is `cache`: the logits of every
	/// token (`[tokens, vocabulary]`, row by row) and the cache after them.
	fn step(
		&self,
		tokens: &[u32],
		past: usize,
		cache: Vec<Tensor>,
	) -> Result<(Vec<f32>, Vec<Tensor>), Failure> {
		let n = tokens.len();
		let ids: Vec<i64> = tokens.iter().map(|t| i64::from(*t)).collect();
		let positions: Vec<i64> = (past..past + n).map(|p| p as i64).collect();
		let mut cache = cache.into_iter();
		let feed = self
			.feeds
			.iter()
			.map(|f| match f {
				Feed::Ids => Tensor::from_shape(&[1, n], &ids),
				Feed::Positions => Tensor::from_shape(&[1, n], &positions),
				Feed::Mask => Tensor::from_shape(&[1, past + n], &vec![1i64; past + n]),
				Feed::Past(_) => Ok(cache.next().unwrap_or_default()),
			})
			.map(|t| t.map(TValue::from))
			.collect::<TractResult<TVec<TValue>>>()
			.map_err(|_| Failure::ExecutionFailed)?;
		let outputs = self.plan.run(feed).map_err(|e| {
			log::debug!("the decoder failed after {past} tokens: {e:#}");
			Failure::ExecutionFailed
		})?;
		// Taken out one by one, so the cache is moved, not copied.
		let mut outputs: Vec<Option<TValue>> = outputs.into_iter().map(Some).collect();
		let mut take = |ix: usize| outputs.get_mut(ix).and_then(Option::take);
		let logits = take(self.logits).ok_or(Failure::InvalidModel)?;
		let vocab = match logits.shape() {
			[1, rows, vocab] if *rows == n && (1..=MAX_VOCAB).contains(vocab) => *vocab,
			shape => {
				log::debug!("the decoder's logits are {shape:?} for {n} tokens");
				return Err(Failure::InvalidModel);
			},
		};
		let logits = logits.cast_to::<f32>().map_err(|_| Failure::InvalidModel)?;
		let logits = logits.as_slice::<f32>().map_err(|_| Failure::InvalidModel)?.to_vec();
		debug_assert_eq!(logits.len(), n * vocab);
		let mut next = Vec::with_capacity(self.cache.len());
		for (feed, [heads, size]) in self
			.feeds
			.iter()
			.filter_map(|f| if let Feed::Past(o) = f { Some(*o) } else { None })
			.zip(&self.cache)
		{
			let t = take(feed).ok_or(Failure::InvalidModel)?;
			if t.shape() != [1, *heads, past + n, *size] || t.datum_type() != f32::datum_type() {
				log::debug!(
					"the decoder's cache output is {:?} after {} tokens",
					t.shape(),
					past + n
				);
				return Err(Failure::InvalidModel);
			}
			next.push(t.into_tensor());
		}
		Ok((logits, next))
	}
}

/// The generated tokens and their rounded log-probabilities.
fn generate(
	params: &Params,
	model: &[u8],
	prompt: &[u32],
	how: Plan,
) -> Result<(Vec<u32>, Vec<Value>), Failure> {
	let decoder = Decoder::prepare(model, how)?;
	let (mut logits, mut cache) = decoder.step(prompt, 0, decoder.empty()?)?;
	let vocab = logits.len() / prompt.len();
	let (mut tokens, mut logprobs) = (Vec::new(), Vec::new());
	loop {
		if logits.len() % vocab != 0 || logits.len() < vocab {
			log::debug!("the decoder's vocabulary changed after {} tokens", tokens.len());
			return Err(Failure::InvalidModel);
		}
		let last = &logits[logits.len() - vocab..];
		let lp = log_softmax(last)?;
		let step = tokens.len();
		let chosen = best(&choice_scores(params, &lp, step)).0;
		tokens.push(chosen as u32);
		logprobs.push(Value::float(lp[chosen]));
		if params.stop.contains(&(chosen as u32)) || tokens.len() >= params.max_new_tokens as usize
		{
			break;
		}
		let past = prompt.len() + step;
		(logits, cache) = decoder.step(&[chosen as u32], past, cache)?;
	}
	Ok((tokens, logprobs))
}

/// A row of logits as log-probabilities, in `f64`; `execution_failed` when one is not finite.
fn log_softmax(logits: &[f32]) -> Result<Vec<f64>, Failure> {
	if logits.is_empty() || logits.iter().any(|x| !x.is_finite()) {
		log::debug!("the decoder gave logits that are not finite");
		return Err(Failure::ExecutionFailed);
	}
	let most = logits.iter().fold(f64::NEG_INFINITY, |m, x| m.max(f64::from(*x)));
	let sum: f64 = logits.iter().map(|x| (f64::from(*x) - most).exp()).sum();
	let log_sum = sum.ln();
	Ok(logits.iter().map(|x| f64::from(*x) - most - log_sum).collect())
}

/// The scores a token is chosen by at generation step `step`: the log-probabilities when
/// greedy, else each plus the temperature times the step's noise for the token (the highest
/// of which is that of `logprob / T + noise`, in the units of log-probabilities).
fn choice_scores<'a>(params: &Params, logprobs: &'a [f64], step: usize) -> Cow<'a, [f64]> {
	if params.temperature == 0.0 {
		return Cow::Borrowed(logprobs);
	}
	let t = params.temperature;
	logprobs
		.iter()
		.enumerate()
		.map(|(token, lp)| lp + t * noise(params.seed, step as u64, token as u64))
		.collect()
}

/// The index and value of the highest score, the lowest index on ties.
fn best(scores: &[f64]) -> (usize, f64) {
	scores.iter().enumerate().fold(
		(0, f64::NEG_INFINITY),
		|(bi, bs), (i, s)| {
			if *s > bs {
				(i, *s)
			} else {
				(bi, bs)
			}
		},
	)
}

/// The Gumbel noise of `token` at generation step `step` for `seed`: `−ln(−ln u)` with `u`
/// in (0, 1) from a SplitMix64 hash of the three.
pub fn noise(seed: u64, step: u64, token: u64) -> f64 {
	fn mix(mut z: u64) -> u64 {
		z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}
	let bits = mix(seed ^ mix(step ^ mix(token)));
	let u = ((bits >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
	-(-u.ln()).ln()
}

/// Whether `claimed` is what the pipeline (its tokenizer and model in `model`) may give for
/// `input`, within `tolerance` units of 1e-4, judged by re-scoring its tokens (see the module's
/// documentation). `Err` when the model could not be run here: the canonical failure the job
/// itself gives, or the model failing on the claimed tokens.
pub fn check(
	params: &Params,
	model: &[u8],
	input: &[u8],
	claimed: &Generation,
	tolerance: u32,
) -> Result<bool, Failure> {
	let job = Job::read(params, model, input)?;
	if !claimed.consistent() || claimed.prompt != job.prompt {
		log::info!("check: the claimed prompt is not the input's");
		return Ok(false);
	}
	let n = claimed.tokens.len();
	let stopped = claimed.tokens.last().is_some_and(|t| params.stop.contains(t));
	if claimed.tokens[..n - 1].iter().any(|t| params.stop.contains(t))
		|| n > params.max_new_tokens as usize
		|| (!stopped && n != params.max_new_tokens as usize)
	{
		log::info!("check: the generation does not end where the rule says");
		return Ok(false);
	}
	if job.decode(&claimed.tokens).ok().as_ref() != Some(&claimed.text) {
		log::info!("check: the claimed text is not what its tokens decode to");
		return Ok(false);
	}
	let slack = f64::from(tolerance) / FLOAT_SCALE;
	// Whether the token chosen at `step` from `row` is the claimed one's rightful choice.
	let judge = |step: usize, row: &[f32]| -> Result<bool, Failure> {
		let lp = log_softmax(row)?;
		let token = claimed.tokens[step] as usize;
		if token >= lp.len() {
			log::info!("check: token {step} is beyond the vocabulary");
			return Ok(false);
		}
		let within = match (Value::float(lp[token]), &claimed.logprobs[step]) {
			(Value::Int(x), Value::Int(y)) => x.abs_diff(*y) <= u64::from(tolerance),
			_ => false,
		};
		if !within {
			log::info!("check: token {step}'s log-probability is not the claimed one");
			return Ok(false);
		}
		let scores = choice_scores(params, &lp, step);
		// Written so that a gap that is not a number fails too.
		if !(best(&scores).1 - scores[token] <= slack) {
			log::info!("check: token {step} is not the best choice");
			return Ok(false);
		}
		Ok(true)
	};
	// The claimed tokens a chunk at a time first; a result whose row from a chunk of several
	// tokens fails is re-scored one token at a time, as the generator ran it, before it is
	// judged wrong (a model need not compute alike in chunks and token by token).
	let rescored = onnx::with_fallback(|how| {
		let decoder = Decoder::prepare(job.model, how)?;
		match rescore(&decoder, &job.prompt, &claimed.tokens, CHECK_CHUNK, &judge)? {
			Rescored::DiffersInChunk => rescore(&decoder, &job.prompt, &claimed.tokens, 1, &judge),
			verdict => Ok(verdict),
		}
	})?;
	Ok(rescored == Rescored::Agrees)
}

/// What re-scoring a claim found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rescored {
	/// Every row passed.
	Agrees,
	/// A row failed that the generator computed the same way.
	Differs,
	/// A row from a chunk of several tokens failed.
	DiffersInChunk,
}

/// Runs the prompt, then `tokens` but the last `chunk` at a time with the cache, and asks
/// `judge` of each row of logits that chose a token (its index among `tokens`, the row).
/// Holds the rows of one pass at a time (the prompt's are dropped once its last is judged).
fn rescore(
	decoder: &Decoder,
	prompt: &[u32],
	tokens: &[u32],
	chunk: usize,
	judge: impl Fn(usize, &[f32]) -> Result<bool, Failure>,
) -> Result<Rescored, Failure> {
	let (logits, mut cache) = decoder.step(prompt, 0, decoder.empty()?)?;
	let vocab = logits.len() / prompt.len();
	if !judge(0, &logits[logits.len() - vocab..])? {
		return Ok(Rescored::Differs);
	}
	drop(logits);
	let before = &tokens[..tokens.len().saturating_sub(1)];
	if before.iter().any(|t| *t as usize >= vocab) {
		// Fed to the model, such a token would be read past its table.
		log::info!("check: a claimed token is beyond the vocabulary of {vocab}");
		return Ok(Rescored::Differs);
	}
	let mut past = prompt.len();
	for part in before.chunks(chunk.max(1)) {
		let (logits, next) = decoder.step(part, past, cache)?;
		if logits.len() != part.len() * vocab {
			log::info!("check: the model's vocabulary changed after {past} tokens");
			return Err(Failure::InvalidModel);
		}
		for (i, row) in logits.chunks_exact(vocab).enumerate() {
			if !judge(past - prompt.len() + i + 1, row)? {
				return Ok(if part.len() > 1 {
					Rescored::DiffersInChunk
				} else {
					Rescored::Differs
				});
			}
		}
		cache = next;
		past += part.len();
	}
	Ok(Rescored::Agrees)
}

/// The heads and head size of a decoder's first cache input as the model declares them, if
/// it does.
pub fn declared_heads(model: &[u8]) -> Option<[usize; 2]> {
	use tract_onnx::tract_hir::infer::GenericFactoid;
	let m = tract_onnx::onnx().model_for_read(&mut &model[..]).ok()?;
	let ix = m
		.input_outlets()
		.ok()?
		.iter()
		.position(|o| m.node(o.node).name == "past_key_values.0.key")?;
	let dims: Vec<_> = m.input_fact(ix).ok()?.shape.dims().cloned().collect();
	let fixed = |d: &GenericFactoid<TDim>| match d {
		GenericFactoid::Only(d) => d.as_i64().and_then(|x| usize::try_from(x).ok()),
		_ => None,
	};
	Some([fixed(dims.get(1)?)?, fixed(dims.get(3)?)?])
}

/// A `text-generation` pipeline of `params` (its `tokenizer_bytes` set to the tokenizer's
/// length), a `tokenizer.json` and a decoder.
pub fn workload(params: Params, tokenizer: &[u8], model: &[u8]) -> Vec<u8> {
	let params = Params { tokenizer_bytes: tokenizer.len() as u32, ..params };
	super::pipeline::write(
		&super::pipeline::Manifest::TextGeneration(params),
		&[tokenizer, model].concat(),
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::workload::{describe, onnx, pipeline, within};

	const WORDS: &[&str] = &["the", "market", "open", "compute"];
	const PROMPT: &[u8] = b"the open market";

	fn params(max_new_tokens: u32) -> Params {
		Params {
			tokenizer_bytes: 0,
			max_prompt_tokens: 32,
			max_new_tokens,
			temperature: 0.0,
			seed: 0,
			stop: vec![],
		}
	}

	fn tokenizer() -> Vec<u8> {
		text::letters_tokenizer(WORDS)
	}

	/// A random decoder for the letters tokenizer: 2 layers of width 32, 4 heads.
	fn decoder(seed: u64) -> Vec<u8> {
		let vocab = text::vocab_size(&tokenizer()).unwrap();
		onnx::decoder_model(vocab, 128, 2, 32, 4, seed)
	}

	fn pipeline(params: Params, model: &[u8]) -> Vec<u8> {
		workload(params, &tokenizer(), model)
	}

	#[test]
	fn a_generation_s_work_is_its_prompt_and_its_most_new_tokens() {
		let model = decoder(3);
		let prompt = generate_with(&params(5), &model, PROMPT).prompt.len() as u64;
		let work = crate::workload::work(Runner::Onnx, &pipeline(params(5), &model), PROMPT);
		let tokens =
			|amount| Some(crate::workload::Work { unit: crate::workload::Unit::Tokens, amount });
		assert_eq!(work, Ok(tokens(prompt + 5)));
		// A prompt the pipeline refuses fails the count as it fails the run.
		assert_eq!(
			crate::workload::work(Runner::Onnx, &pipeline(params(5), &model), b"\xff"),
			Err(Failure::InvalidInput)
		);
	}

	fn generated(outcome: Outcome) -> Generation {
		match outcome {
			Outcome::Generation(g) => g,
			other => panic!("not a generation: {other:?}"),
		}
	}

	/// The generation of the pipeline `params` and `model` on `prompt`.
	fn generate_with(params: &Params, model: &[u8], prompt: &[u8]) -> Generation {
		generated(pipeline::run(&pipeline(params.clone(), model), prompt))
	}

	/// `claimed`'s check against the pipeline `params` and `model` on `prompt`.
	fn checks(
		params: &Params,
		model: &[u8],
		prompt: &[u8],
		claimed: &Generation,
		tol: u32,
	) -> bool {
		let workload = pipeline(params.clone(), model);
		let doc = Outcome::Generation(claimed.clone()).encode();
		super::super::check(&workload, prompt, &doc, tol) == super::super::Check::Agrees
	}

	#[test]
	fn greedy_generation_chooses_the_best_token_and_passes_its_own_check() {
		let (p, model) = (params(12), decoder(3));
		let g = generate_with(&p, &model, PROMPT);
		assert_eq!(g.tokens.len(), 12);
		assert_eq!(g.logprobs.len(), 12);
		assert!(g.logprobs.iter().all(|v| matches!(v, Value::Int(x) if *x <= 0)));
		let json = tokenizer();
		let t = tokenizers::Tokenizer::from_bytes(&json).unwrap();
		assert_eq!(g.prompt, t.encode("the open market", true).unwrap().get_ids());
		assert_eq!(g.text, t.decode(&g.tokens, true).unwrap());
		// The same tokens from one pass over the prompt and the tokens, without the cache.
		let d = Decoder::prepare(&model, Plan::Decluttered).unwrap();
		let all: Vec<u32> = g.prompt.iter().chain(&g.tokens).copied().collect();
		let (logits, _) = d.step(&all, 0, d.empty().unwrap()).unwrap();
		let vocab = logits.len() / all.len();
		for (i, token) in g.tokens.iter().enumerate() {
			let row = &logits[(g.prompt.len() - 1 + i) * vocab..][..vocab];
			assert_eq!(best(&log_softmax(row).unwrap()).0, *token as usize, "token {i}");
		}
		assert!(checks(&p, &model, PROMPT, &g, 1));
		// Both plans give the same tokens.
		let optimized = generate(&p, &model, &g.prompt, Plan::Optimized).unwrap();
		let decluttered = generate(&p, &model, &g.prompt, Plan::Decluttered).unwrap();
		assert_eq!(optimized.0, decluttered.0);
	}

	#[test]
	fn a_stop_token_ends_the_generation_and_must_end_it() {
		let model = decoder(3);
		let greedy = generate_with(&params(12), &model, PROMPT);
		let first = greedy.tokens[0];
		let p = Params { stop: vec![first], ..params(12) };
		let stopped = generate_with(&p, &model, PROMPT);
		assert_eq!(stopped.tokens, vec![first]);
		assert!(checks(&p, &model, PROMPT, &stopped, 1));
		// Going on past a stop token, or stopping early without one, is not the rule.
		assert!(!checks(&p, &model, PROMPT, &greedy, 1));
		let mut early = greedy.clone();
		early.tokens.truncate(5);
		early.logprobs.truncate(5);
		early.text = tokenizers::Tokenizer::from_bytes(tokenizer())
			.unwrap()
			.decode(&early.tokens, true)
			.unwrap();
		assert!(!checks(&params(12), &model, PROMPT, &early, 1));
	}

	#[test]
	fn seeded_sampling_is_reproducible_and_checked() {
		let model = decoder(5);
		let sampled = |seed, temperature| Params { seed, temperature, ..params(16) };
		let a = generate_with(&sampled(1, 1.0), &model, PROMPT);
		assert_eq!(a, generate_with(&sampled(1, 1.0), &model, PROMPT));
		let b = generate_with(&sampled(2, 1.0), &model, PROMPT);
		let greedy = generate_with(&params(16), &model, PROMPT);
		assert_ne!(a.tokens, b.tokens);
		assert_ne!(a.tokens, greedy.tokens);
		assert!(checks(&sampled(1, 1.0), &model, PROMPT, &a, 1));
		// Another seed's or greedy choices are not this seed's.
		assert!(!checks(&sampled(1, 1.0), &model, PROMPT, &b, 1));
		assert!(!checks(&sampled(1, 1.0), &model, PROMPT, &greedy, 1));
		assert!(!checks(&params(16), &model, PROMPT, &a, 1));
		// Cold and hot sampling pass their own checks, and not each other's.
		let cold = generate_with(&sampled(1, 0.05), &model, PROMPT);
		let hot = generate_with(&sampled(1, 50.0), &model, PROMPT);
		assert!(checks(&sampled(1, 0.05), &model, PROMPT, &cold, 1));
		assert!(checks(&sampled(1, 50.0), &model, PROMPT, &hot, 1));
		assert!(!checks(&sampled(1, 0.05), &model, PROMPT, &hot, 10));
		// The noise is the same for the same seed, step and token, and another otherwise.
		assert_eq!(noise(7, 3, 11).to_bits(), noise(7, 3, 11).to_bits());
		assert_ne!(noise(7, 3, 11), noise(7, 4, 11));
		assert_ne!(noise(7, 3, 11), noise(8, 3, 11));
	}

	#[test]
	fn another_model_or_prompt_or_changed_scores_are_rejected() {
		let (p, model) = (params(12), decoder(3));
		let g = generate_with(&p, &model, PROMPT);
		// Another model of the same interface.
		let other = generate_with(&p, &decoder(4), PROMPT);
		assert!(!checks(&p, &model, PROMPT, &other, 10));
		// The same model at bfloat16's precision.
		let rounded = onnx::with_rounded_weights(&model, 7).unwrap();
		let cheap = generate_with(&p, &rounded, PROMPT);
		assert!(!checks(&p, &model, PROMPT, &cheap, 10));
		// Another prompt, named as this one's or as itself.
		let elsewhere = generate_with(&p, &model, b"compute the market");
		assert!(!checks(&p, &model, PROMPT, &elsewhere, 10));
		let renamed = Generation { prompt: g.prompt.clone(), ..elsewhere };
		assert!(!checks(&p, &model, PROMPT, &renamed, 10));
		// Scores moved by more than the tolerance, or a text its tokens do not give.
		let mut moved = g.clone();
		if let Value::Int(x) = &mut moved.logprobs[3] {
			*x -= 5;
		}
		assert!(checks(&p, &model, PROMPT, &moved, 10));
		assert!(!checks(&p, &model, PROMPT, &moved, 3));
		let retold = Generation { text: format!("{} more", g.text), ..g.clone() };
		assert!(!checks(&p, &model, PROMPT, &retold, 10));
		// A token that is not the best one, or beyond the vocabulary (judged without running
		// the model on it).
		let mut swapped = g.clone();
		swapped.tokens[2] = (g.tokens[2] + 1) % 40;
		assert!(!checks(&p, &model, PROMPT, &swapped, 10));
		let mut beyond = g.clone();
		beyond.tokens[2] = 100_000;
		beyond.text = tokenizers::Tokenizer::from_bytes(tokenizer())
			.unwrap()
			.decode(&beyond.tokens, true)
			.unwrap();
		let workload = pipeline(p.clone(), &model);
		let (manifest, part) = pipeline::parse(&workload).unwrap();
		let pipeline::Manifest::TextGeneration(params) = manifest else { unreachable!() };
		assert_eq!(check(&params, part, PROMPT, &beyond, 10), Ok(false));
	}

	#[test]
	fn documents_read_back_and_compare() {
		let (p, model) = (params(6), decoder(3));
		let g = generate_with(&p, &model, PROMPT);
		let doc = Outcome::Generation(g.clone()).encode();
		assert!(doc.starts_with(br#"{"workload":"generation","status":"ok","prompt":["#));
		assert_eq!(Outcome::decode(Runner::Onnx, &doc), Some(Outcome::Generation(g.clone())));
		assert!(super::super::is_generation_result(&doc));
		assert!(describe(&doc).starts_with("6 tokens after a prompt of"), "{}", describe(&doc));
		let mut near = g.clone();
		if let Value::Int(x) = &mut near.logprobs[0] {
			*x += 2;
		}
		let near = Outcome::Generation(near).encode();
		assert!(within(&doc, &near, 2));
		assert!(!within(&doc, &near, 1));
		let mut other = g.clone();
		other.tokens[5] = (other.tokens[5] + 1) % 40;
		assert!(!within(&doc, &Outcome::Generation(other).encode(), 100));
		// Not what the pipeline can give: no tokens, a score per token missing, or a boolean.
		let none = Generation { tokens: vec![], logprobs: vec![], ..g.clone() };
		let short = Generation { logprobs: g.logprobs[1..].to_vec(), ..g.clone() };
		let mut boolean = g.clone();
		boolean.logprobs[0] = Value::Bool(true);
		for bad in [none, short, boolean] {
			let bytes = Outcome::Generation(bad.clone()).encode();
			assert_eq!(Outcome::decode(Runner::Onnx, &bytes), None);
			assert!(!checks(&p, &model, PROMPT, &bad, 10));
		}
	}

	#[test]
	fn canonical_failures() {
		let fail = |f| Outcome::Failed(Runner::Onnx, f);
		let model = decoder(3);
		let run =
			|p: Params, model: &[u8], prompt: &[u8]| pipeline::run(&pipeline(p, model), prompt);
		assert_eq!(run(params(0), &model, PROMPT), fail(Failure::InvalidModel));
		let hot = Params { temperature: f64::INFINITY, ..params(4) };
		assert_eq!(run(hot, &model, PROMPT), fail(Failure::InvalidModel));
		let short = Params { max_prompt_tokens: 3, ..params(4) };
		assert_eq!(run(short, &model, PROMPT), fail(Failure::InvalidInput));
		assert_eq!(run(params(4), &model, b"\xff\xfe"), fail(Failure::InvalidInput));
		let long = vec![b'a'; text::MAX_TEXT_BYTES + 1];
		assert_eq!(run(params(4), &model, &long), fail(Failure::InvalidInput));
		// A text encoder has no logits and no cache.
		let vocab = text::vocab_size(&tokenizer()).unwrap();
		let encoder = onnx::text_encoder_model(vocab, 64, 1, 16, 2, 1);
		assert_eq!(run(params(4), &encoder, PROMPT), fail(Failure::InvalidModel));
		assert_eq!(run(params(4), b"not a model", PROMPT), fail(Failure::InvalidModel));
		// A decoder without a cache.
		let uncached = onnx::decoder_model(vocab, 128, 0, 16, 2, 1);
		assert_eq!(run(params(4), &uncached, PROMPT), fail(Failure::InvalidModel));
		// A prompt token beyond the model's table (tract panics on it; the worker catches
		// that).
		let small = pipeline(params(4), &onnx::decoder_model(10, 128, 1, 16, 2, 1));
		let outcome = super::super::execute(Runner::Onnx, &small, PROMPT).unwrap();
		assert_eq!(outcome, fail(Failure::InvalidModel));
	}
}
