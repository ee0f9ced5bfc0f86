//! `allmende-agent`: the provider daemon, the requester's command line and the workload
//! runners of Allmende. Run with `--help`.

use std::{
	path::PathBuf,
	time::{SystemTime, UNIX_EPOCH},
};

use allmende_agent::{
	config, host, provider, requester,
	workload::{self, sandbox},
};
use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

/// Counts the heap, so that a worker can hold a workload to the protocol's heap limit.
#[global_allocator]
static ALLOCATOR: sandbox::Counting = sandbox::Counting;

#[derive(Parser)]
#[command(
	name = "allmende-agent",
	version,
	about = "Sell compute, host data and run jobs on Allmende."
)]
struct Cli {
	/// Log level: error, warn, info, debug (also ALLMENDE_LOG).
	#[arg(long, global = true)]
	log: Option<String>,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Sell this machine's compute: register, bid, run jobs, commit and reveal, serve results.
	Provide {
		/// The provider's configuration (see `agent/provider.example.toml`).
		#[arg(long)]
		config: PathBuf,
		/// Test only: act dishonestly in this way, to show how the market treats it.
		#[arg(long, value_enum, hide = true)]
		test_fault: Option<provider::Fault>,
	},
	/// Run a job and print its verified answer, e.g.
	/// `allmende-agent run --model magika --input report.pdf --replicas 3 --max-price 2`.
	Run {
		#[command(flatten)]
		client: requester::ClientArgs,
		#[command(flatten)]
		args: requester::RunArgs,
	},
	/// Register datasets or models (or take up their registration) and serve them only to the
	/// providers assigned to jobs that use them, e.g.
	/// `allmende-agent host model.onnx --royalty 1 --grant <address>`.
	Host {
		#[command(flatten)]
		client: requester::ClientArgs,
		#[command(flatten)]
		args: host::HostArgs,
	},
	/// Fetch a job's verified result again (as its requester) and print it.
	Result {
		/// The job id.
		job: u64,
		#[command(flatten)]
		client: requester::ClientArgs,
		/// Print the result document itself instead of a short answer.
		#[arg(long)]
		raw: bool,
	},
	/// Run a workload here, off-chain, and print its result document and hash: what every
	/// honest provider commits to for the same workload and input.
	Exec {
		/// `magika`, an `.onnx` model, a `.pipeline`, or a `.wasm` / `.wat` module.
		#[arg(long)]
		model: String,
		/// The input file.
		#[arg(long)]
		input: PathBuf,
		/// Stop the workload after this many seconds (it then has no result).
		#[arg(long, default_value_t = 300)]
		timeout_secs: u64,
		/// Run the workload in this process rather than in a worker process (no heap limit,
		/// no time limit): for a CPU emulator, which would run a worker natively.
		#[arg(long, hide = true)]
		in_process: bool,
		/// Run as for a job that declares this work (`UNIT:AMOUNT`: `tokens`, `pixels` or
		/// `audio-ms`, such as `tokens:1200`): an input with more is `undeclared_work`, as a
		/// provider answers it.
		#[arg(long)]
		work: Option<workload::Work>,
	},
	/// Write an example ONNX model to a file: the small classifier (input `x`, f32 [1, 4];
	/// output `probs`), a stack of convolutions that takes a while, a model that asks for
	/// 40 GB, one of the benchmark's models (`scripts/bench-workloads.sh`), or a small text
	/// encoder and its tokenizer (for `pipeline text-embedding`).
	ExampleModel {
		/// Where to write the model.
		out: PathBuf,
		/// Which model.
		#[arg(long, value_enum, default_value_t = ExampleKind::Classifier)]
		kind: ExampleKind,
		/// Also write an input the model takes (an `.npy` tensor of pseudo-random values; for
		/// the text encoder, a few lines of text).
		#[arg(long)]
		input: Option<PathBuf>,
		/// Where to write the text encoder's `tokenizer.json` (`--kind text-encoder` only).
		#[arg(long)]
		tokenizer: Option<PathBuf>,
	},
	/// Write a pipeline: an ONNX model with the steps around it, run as one ONNX workload
	/// (`--model speech.pipeline` in `run` and `exec`), e.g.
	/// `allmende-agent pipeline speech-segments silero_vad_16k_sequence.onnx speech.pipeline`.
	Pipeline {
		#[command(subcommand)]
		kind: PipelineKind,
	},
	/// Run one workload from standard input (`u64 LE workload length ‖ workload ‖ input`) and
	/// write its result document: what the agent starts for each job.
	#[command(hide = true)]
	Worker {
		/// `wasm`, `onnx` or `magika`.
		#[arg(long)]
		runner: String,
		/// Check a claimed result within this tolerance instead of running the workload.
		#[arg(long)]
		check: Option<u32>,
		/// The work the job declares (`UNIT:AMOUNT`); an input with more is not run.
		#[arg(long)]
		work: Option<workload::Work>,
	},
}

#[derive(Subcommand)]
enum PipelineKind {
	/// A WAV recording → 16 kHz mono → a voice activity model with Silero VAD's sequence
	/// interface → each 32 ms frame's speech probability and the segments of speech.
	SpeechSegments {
		/// The model (`silero_vad_16k_sequence.onnx` of the `silero-vad` package, or one with
		/// its inputs and outputs).
		model: PathBuf,
		/// Where to write the pipeline.
		out: PathBuf,
		/// Speech starts at a frame with this probability or more.
		#[arg(long, default_value_t = 0.5)]
		threshold: f64,
		/// Speech ends where the probability stays below this for --min-silence-ms.
		#[arg(long, default_value_t = 0.35)]
		neg_threshold: f64,
		/// Segments of this many milliseconds or fewer are dropped.
		#[arg(long, default_value_t = 250)]
		min_speech_ms: u32,
		/// Silence that ends a segment, in milliseconds.
		#[arg(long, default_value_t = 100)]
		min_silence_ms: u32,
		/// Milliseconds added on each side of a segment.
		#[arg(long, default_value_t = 30)]
		speech_pad_ms: u32,
	},
	/// A PNG or JPEG picture → resized and normalised as the model card says → a classifier →
	/// a score per label and the best labels. For example PaddleOCR's text-line orientation
	/// classifier (`ch_ppocr_mobile_v2.0_cls_infer.onnx` of the `rapidocr-onnxruntime`
	/// package): `--width 192 --height 48 --resize fit-height --channels bgr --mean
	/// 0.5,0.5,0.5 --std 0.5,0.5,0.5 --labels 0,180`.
	ImageLabels {
		/// The model: one f32 input of the shape --layout names, a first output with a score
		/// per label.
		model: PathBuf,
		/// Where to write the pipeline.
		out: PathBuf,
		/// The model's input width and height, in pixels.
		#[arg(long)]
		width: u32,
		#[arg(long)]
		height: u32,
		/// `stretch` to width × height, or `fit-height`: to the height in proportion, at most
		/// the width, the rest --pad.
		#[arg(long, value_enum, default_value = "stretch")]
		resize: workload::image::Resize,
		/// The order of the channels the model takes: `rgb` or `bgr`.
		#[arg(long, value_enum, default_value = "rgb")]
		channels: workload::image::Channels,
		/// `nchw` ([1, 3, height, width]) or `nhwc` ([1, height, width, 3]).
		#[arg(long, value_enum, default_value = "nchw")]
		layout: workload::image::Layout,
		/// Subtracted from each value scaled to 0..1, per channel in --channels order.
		#[arg(long, value_delimiter = ',', default_values_t = [0.0, 0.0, 0.0])]
		mean: Vec<f32>,
		/// What each value is then divided by, per channel.
		#[arg(long, value_delimiter = ',', default_values_t = [1.0, 1.0, 1.0])]
		std: Vec<f32>,
		/// The value of the columns fit-height leaves empty, after normalising.
		#[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
		pad: f32,
		/// The labels, comma-separated, in the order of the model's scores.
		#[arg(long, value_delimiter = ',', conflicts_with = "labels_file")]
		labels: Vec<String>,
		/// A file with one label per line instead of --labels.
		#[arg(long)]
		labels_file: Option<PathBuf>,
		/// How many of the best labels the result names.
		#[arg(long, default_value_t = 5)]
		top: u32,
	},
	/// Lines of text → the model's own tokenizer → a text encoder → a vector per line. For a
	/// sentence-transformers model exported to ONNX (all-MiniLM-L6-v2's `model.onnx` and
	/// `tokenizer.json`, for example): `--pooling mean`.
	TextEmbedding {
		/// The model: inputs `input_ids`, and `attention_mask` and `token_type_ids` if it
		/// takes them, i64 [1, tokens]; a first output of the token vectors [1, tokens, dim]
		/// (or with --pooling none, the text's vector).
		model: PathBuf,
		/// The model's Hugging Face `tokenizer.json`.
		tokenizer: PathBuf,
		/// Where to write the pipeline.
		out: PathBuf,
		/// The most tokens of a text the model sees, special tokens included; the rest of a
		/// longer text is dropped.
		#[arg(long, default_value_t = 512)]
		max_tokens: u32,
		/// `mean` of the token vectors, the first token's (`cls`), or `none` when the
		/// model's first output is already the text's vector.
		#[arg(long, value_enum, default_value = "mean")]
		pooling: workload::text::Pooling,
		/// Keep the vectors' lengths (by default each is divided by its length).
		#[arg(long)]
		no_normalize: bool,
	},
	/// A prompt → the model's own tokenizer → a decoder with a key-value cache → the generated
	/// tokens, greedy or sampled with a seed, and their log-probabilities. Arbiters check a
	/// replica's tokens by re-scoring them, so replicas on different CPUs need not agree on
	/// every token.
	TextGeneration {
		/// The decoder, exported with its cache (Hugging Face's interface): inputs
		/// `input_ids`, `attention_mask`, `position_ids` (if it takes them) and
		/// `past_key_values.{l}.key/value`; outputs `logits` and `present.{l}.key/value`.
		model: PathBuf,
		/// The model's Hugging Face `tokenizer.json`.
		tokenizer: PathBuf,
		/// Where to write the pipeline.
		out: PathBuf,
		/// The most tokens a prompt may have, special tokens included (a longer prompt is
		/// `invalid_input`).
		#[arg(long, default_value_t = 512)]
		max_prompt_tokens: u32,
		/// The most tokens generated.
		#[arg(long, default_value_t = 32)]
		max_new_tokens: u32,
		/// 0 for greedy choices, else the temperature of sampling.
		#[arg(long, default_value_t = 0.0)]
		temperature: f64,
		/// The seed of the sampling.
		#[arg(long, default_value_t = 0)]
		seed: u64,
		/// A token id that ends the generation (the model's end-of-text token); repeat it
		/// or separate ids by commas for more.
		#[arg(long, value_delimiter = ',')]
		stop: Vec<u32>,
	},
}

/// Writes a pipeline of `manifest` and the model at `model` to `out`.
fn write_pipeline(
	manifest: workload::pipeline::Manifest,
	model: &std::path::Path,
	out: &std::path::Path,
) -> anyhow::Result<()> {
	let bytes = std::fs::read(model).with_context(|| model.display().to_string())?;
	write_pipeline_bytes(manifest, bytes, model, out)
}

/// Writes a pipeline of `manifest` and its model part `bytes` (the model at `model`, with
/// what the kind puts before it) to `out`.
fn write_pipeline_bytes(
	manifest: workload::pipeline::Manifest,
	bytes: Vec<u8>,
	model: &std::path::Path,
	out: &std::path::Path,
) -> anyhow::Result<()> {
	let pipeline = workload::pipeline::write(&manifest, &bytes);
	// What providers would refuse as `invalid_model` is not written.
	anyhow::ensure!(
		workload::pipeline::parse(&pipeline).is_some(),
		"the manifest is longer than {} bytes (fewer or shorter labels)",
		workload::pipeline::MAX_MANIFEST
	);
	std::fs::write(out, pipeline).with_context(|| out.display().to_string())?;
	// A manifest of many labels is summed up, not printed whole.
	let mut shown = format!("{manifest:?}");
	if let Some((cut, _)) = shown.char_indices().nth(300) {
		shown.truncate(cut);
		shown.push_str(" …");
	}
	println!("{}: {shown} with {} ({} bytes)", out.display(), model.display(), bytes.len());
	Ok(())
}

impl PipelineKind {
	fn write(self) -> anyhow::Result<()> {
		use workload::{image, pipeline, speech, text};
		match self {
			PipelineKind::SpeechSegments {
				model,
				out,
				threshold,
				neg_threshold,
				min_speech_ms,
				min_silence_ms,
				speech_pad_ms,
			} => {
				let level = |p: f64, flag: &str| {
					anyhow::ensure!((0.0..=1.0).contains(&p), "{flag} {p}: give 0 to 1");
					Ok((p * workload::FLOAT_SCALE).round() as u32)
				};
				let params = speech::Params {
					threshold: level(threshold, "--threshold")?,
					neg_threshold: level(neg_threshold, "--neg-threshold")?,
					min_speech_ms,
					min_silence_ms,
					speech_pad_ms,
				};
				anyhow::ensure!(
					params.valid(),
					"--neg-threshold must not be above --threshold, and durations at most 60000 ms"
				);
				write_pipeline(pipeline::Manifest::SpeechSegments(params), &model, &out)
			},
			PipelineKind::ImageLabels {
				model,
				out,
				width,
				height,
				resize,
				channels,
				layout,
				mean,
				std,
				pad,
				labels,
				labels_file,
				top,
			} => {
				let labels = match labels_file {
					Some(file) => std::fs::read_to_string(&file)
						.with_context(|| file.display().to_string())?
						.lines()
						.map(str::to_string)
						.collect(),
					None => labels,
				};
				let three = |v: Vec<f32>| <[f32; 3]>::try_from(v).ok();
				let params = image::Params {
					width,
					height,
					resize,
					channels,
					layout,
					mean: three(mean).context("--mean takes three numbers")?,
					std: three(std).context("--std takes three numbers")?,
					pad,
					labels,
					top,
				};
				anyhow::ensure!(
					params.valid(),
					"sides must be 1 to {}, numbers finite, --std not 0, 1 to {} labels (--labels \
					 or --labels-file) and --top 1 to {}",
					image::MAX_SIDE,
					image::MAX_LABELS,
					image::MAX_TOP
				);
				write_pipeline(pipeline::Manifest::ImageLabels(params), &model, &out)
			},
			PipelineKind::TextEmbedding {
				model,
				tokenizer,
				out,
				max_tokens,
				pooling,
				no_normalize,
			} => {
				let json =
					std::fs::read(&tokenizer).with_context(|| tokenizer.display().to_string())?;
				let params = text::Params {
					tokenizer_bytes: u32::try_from(json.len())
						.context("a tokenizer of 4 GiB or more")?,
					max_tokens,
					pooling,
					normalize: !no_normalize,
				};
				anyhow::ensure!(params.valid(), "--max-tokens must be 1 to {}", text::MAX_TOKENS);
				// What providers would refuse as `invalid_model` is not written.
				text::tokenizer(&params, &json).map_err(|_| {
					anyhow::anyhow!(
						"{} is not a tokenizer.json that can cut texts to {max_tokens} tokens \
						 (`--log debug` says why)",
						tokenizer.display()
					)
				})?;
				let onnx = std::fs::read(&model).with_context(|| model.display().to_string())?;
				write_pipeline_bytes(
					pipeline::Manifest::TextEmbedding(params),
					[json, onnx].concat(),
					&model,
					&out,
				)
			},
			PipelineKind::TextGeneration {
				model,
				tokenizer,
				out,
				max_prompt_tokens,
				max_new_tokens,
				temperature,
				seed,
				stop,
			} => {
				use workload::generate;
				let json =
					std::fs::read(&tokenizer).with_context(|| tokenizer.display().to_string())?;
				let params = generate::Params {
					tokenizer_bytes: u32::try_from(json.len())
						.context("a tokenizer of 4 GiB or more")?,
					max_prompt_tokens,
					max_new_tokens,
					temperature,
					seed,
					stop,
				};
				anyhow::ensure!(
					params.valid(),
					"--max-prompt-tokens must be 1 to {}, --max-new-tokens 1 to {}, --temperature \
					 0 to {} and at most {} --stop tokens",
					generate::MAX_PROMPT_TOKENS,
					generate::MAX_NEW_TOKENS,
					generate::MAX_TEMPERATURE,
					generate::MAX_STOP
				);
				let onnx = std::fs::read(&model).with_context(|| model.display().to_string())?;
				let model_part = [json, onnx].concat();
				// What providers would refuse as `invalid_model` is not written.
				generate::split(&params, &model_part)
					.and_then(|(json, _)| generate::tokenizer(&params, json).ok())
					.ok_or_else(|| {
						anyhow::anyhow!(
							"{} is not a tokenizer.json the pipeline takes (`--log debug` says why)",
							tokenizer.display()
						)
					})?;
				write_pipeline_bytes(
					pipeline::Manifest::TextGeneration(params),
					model_part,
					&model,
					&out,
				)
			},
		}
	}
}

#[derive(Clone, Copy, ValueEnum)]
enum ExampleKind {
	/// The small classifier.
	Classifier,
	/// Convolutions that keep a CPU core busy for about a minute: a big honest job.
	Conv,
	/// A model whose graph asks for 40 GB: every agent answers it with `memory_limit`.
	MemoryBomb,
	/// Eight 3×3 convolutions of 64 channels on 112×112 with ReLU between them (802,816
	/// outputs): the benchmark's convolution row.
	Convs,
	/// Dense layers 768 → 2048 → 2048 → 8192 with ReLU between them (a 90 MB model): the
	/// benchmark's dense row.
	Mlp,
	/// A transformer encoder: 4 layers, 128 tokens, width 256, 4 heads (the benchmark's encoder
	/// row); its input stands for embedded tokens.
	Encoder,
	/// A text encoder with BERT's interface (2 layers, width 64, 4 heads, random weights) for
	/// the tokenizer --tokenizer writes (its words, and letters and digits for the rest).
	TextEncoder,
	/// A decoder with a key-value cache and Hugging Face's interface (2 layers, width 64, 4
	/// heads, random weights) for the tokenizer --tokenizer writes; its input is a prompt.
	Decoder,
	/// The benchmark's decoder row: the same interface, 6 layers of width 512, 8 heads, a
	/// vocabulary of 8,192 and 1,024 positions (a 111 MB model); its input is a prompt.
	BenchDecoder,
}

/// The words of the example tokenizer beside its letters and digits.
const EXAMPLE_WORDS: &[&str] =
	&["the", "a", "of", "and", "to", "is", "in", "it", "for", "on", "market", "compute", "open"];

/// The example decoder's prompt.
const EXAMPLE_PROMPT: &str = "An open market for AI compute";

/// Lines of the example text encoder's input.
const EXAMPLE_TEXTS: &str = "An open market for AI compute.\nThe quick brown fox jumps over the \
                             lazy dog.\n\nÜberall: naïve café, 42 €.\n";

/// The stack of convolutions `--kind conv` writes: layers, channels, height and width. About
/// a minute of one core here with tract's optimized plan (80 layers took 17.9 s on
/// 2026-12-06), a model of 0.6 MB (one layer's weights, which every layer uses) and a 26 MB
/// input; the answer is 128 channel averages.
const CONV: (usize, usize, usize) = (270, 128, 224);

impl ExampleKind {
	/// The model and an input of the shape it takes.
	fn model_and_input(self) -> (Vec<u8>, Vec<u8>) {
		use workload::{npy, onnx};
		match self {
			ExampleKind::Classifier => {
				(onnx::example_model(), npy::write_f32(&[1, 4], &onnx::random_input(4, 1)))
			},
			ExampleKind::Conv => {
				let (layers, channels, size) = CONV;
				let n = channels * size * size;
				(
					onnx::repeated_conv_model(layers, channels, size, 1),
					npy::write_f32(&[1, channels, size, size], &onnx::random_input(n, 1)),
				)
			},
			ExampleKind::MemoryBomb => (onnx::memory_bomb_model(), npy::write_f32(&[1, 1], &[1.0])),
			ExampleKind::Convs => (
				onnx::conv_model(8, 64, 112, 1),
				npy::write_f32(&[1, 64, 112, 112], &onnx::random_input(64 * 112 * 112, 1)),
			),
			ExampleKind::Mlp => (
				onnx::mlp_model(&[768, 2048, 2048, 8192], 1),
				npy::write_f32(&[1, 768], &onnx::random_input(768, 1)),
			),
			ExampleKind::Encoder => (
				onnx::encoder_model(4, 128, 256, 4, 1),
				npy::write_f32(&[1, 128, 256], &onnx::random_input(128 * 256, 1)),
			),
			ExampleKind::TextEncoder => {
				let tokenizer = workload::text::letters_tokenizer(EXAMPLE_WORDS);
				let vocab =
					workload::text::vocab_size(&tokenizer).expect("the example tokenizer loads");
				(
					onnx::text_encoder_model(vocab, 512, 2, 64, 4, 1),
					EXAMPLE_TEXTS.as_bytes().to_vec(),
				)
			},
			ExampleKind::Decoder => {
				let tokenizer = workload::text::letters_tokenizer(EXAMPLE_WORDS);
				let vocab =
					workload::text::vocab_size(&tokenizer).expect("the example tokenizer loads");
				(onnx::decoder_model(vocab, 1024, 2, 64, 4, 1), EXAMPLE_PROMPT.as_bytes().to_vec())
			},
			ExampleKind::BenchDecoder => {
				(onnx::decoder_model(8192, 1024, 6, 512, 8, 1), EXAMPLE_PROMPT.as_bytes().to_vec())
			},
		}
	}
}

/// Log times as seconds since the epoch, to the millisecond.
struct EpochSeconds;

impl tracing_subscriber::fmt::time::FormatTime for EpochSeconds {
	fn format_time(&self, w: &mut tracing_subscriber::fmt::format::Writer<'_>) -> std::fmt::Result {
		let t = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
		write!(w, "{}.{:03}", t.as_secs(), t.subsec_millis())
	}
}

/// A log line's fields: the message, then `name=value` for the others, one space between
/// (tracing-subscriber's own formatter leaves a space for each hidden `log.*` field).
struct Fields;

impl<'w> tracing_subscriber::fmt::FormatFields<'w> for Fields {
	fn format_fields<R: tracing_subscriber::field::RecordFields>(
		&self,
		writer: tracing_subscriber::fmt::format::Writer<'w>,
		fields: R,
	) -> std::fmt::Result {
		let mut visitor = FieldWriter { writer, first: true, result: Ok(()) };
		fields.record(&mut visitor);
		visitor.result
	}
}

struct FieldWriter<'w> {
	writer: tracing_subscriber::fmt::format::Writer<'w>,
	first: bool,
	result: std::fmt::Result,
}

impl tracing_subscriber::field::Visit for FieldWriter<'_> {
	fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
		// What the `log` crate's records carry besides their message is shown elsewhere.
		if self.result.is_err() || field.name().starts_with("log.") {
			return;
		}
		let space = if self.first { "" } else { " " };
		self.first = false;
		self.result = match field.name() {
			"message" => write!(self.writer, "{space}{value:?}"),
			name => write!(self.writer, "{space}{name}={value:?}"),
		};
	}
}

/// Log lines on stderr: seconds since the epoch, level, the spans they are in (a provider's
/// `job{id=… role=…}`), message. The agent's own lines from `level` up, other crates' from
/// warnings up.
fn start_logging(level: log::LevelFilter) {
	let others = level.min(log::LevelFilter::Warn);
	let filter = tracing_subscriber::EnvFilter::new(format!("{others},allmende_agent={level}"));
	let _ = tracing_subscriber::fmt()
		.with_env_filter(filter)
		.with_timer(EpochSeconds)
		.fmt_fields(Fields)
		.with_target(false)
		.with_ansi(false)
		.with_writer(std::io::stderr)
		.try_init();
}

async fn exec(
	model: &str,
	input: &PathBuf,
	timeout_secs: u64,
	in_process: bool,
	declared: Option<workload::Work>,
) -> anyhow::Result<()> {
	let (kind, module) = allmende_agent::requester::read_workload(model)?;
	let runner = match kind {
		_ if model == "magika" => workload::Runner::Magika,
		allmende_agent::chain::WorkloadKind::Wasm => workload::Runner::Wasm,
		_ => workload::Runner::Onnx,
	};
	let input = std::fs::read(input).with_context(|| input.display().to_string())?;
	let outcome = if in_process {
		workload::execute_within(runner, &module, &input, declared)?
	} else {
		let workers = sandbox::Workers::of_this_binary().context("finding this binary")?;
		let wall = std::time::Duration::from_secs(timeout_secs);
		workers.run(runner, &module, &input, declared, wall).await?
	};
	let result = outcome.encode();
	println!("{}", String::from_utf8_lossy(&result));
	eprintln!(
		"{}  (result hash {})",
		workload::describe(&result),
		allmende_agent::hash::Hash::of(&result)
	);
	match workload::work(runner, &module, &input) {
		Ok(Some(work)) => eprintln!("work: {work} (what `run` declares for this input)"),
		Ok(None) => eprintln!("work: none counted (not a pipeline)"),
		Err(f) => eprintln!("work: not counted, the input fails as {f:?}"),
	}
	eprintln!("cpu features: {}", cpu_features());
	Ok(())
}

/// The CPU features the ONNX and WASM runners pick their code by, as this process sees them.
fn cpu_features() -> String {
	#[cfg(target_arch = "x86_64")]
	let present: Vec<&str> = [
		("sse4.1", std::arch::is_x86_feature_detected!("sse4.1")),
		("avx", std::arch::is_x86_feature_detected!("avx")),
		("avx2", std::arch::is_x86_feature_detected!("avx2")),
		("fma", std::arch::is_x86_feature_detected!("fma")),
		("avx512f", std::arch::is_x86_feature_detected!("avx512f")),
	]
	.into_iter()
	.filter_map(|(name, on)| on.then_some(name))
	.collect();
	#[cfg(not(target_arch = "x86_64"))]
	let present: Vec<&str> = Vec::new();
	format!("{} [{}]", std::env::consts::ARCH, present.join(" "))
}

fn main() {
	let cli = Cli::parse();
	if let Command::Worker { runner, check, work } = &cli.command {
		// No logger and no async runtime: the worker's heap is the workload's.
		let code = match workload::Runner::from_name(runner) {
			Some(runner) => sandbox::serve(runner, *check, *work),
			None => {
				eprintln!("error: --runner {runner}: give wasm, onnx or magika");
				sandbox::EXIT_BAD_REQUEST
			},
		};
		std::process::exit(code);
	}
	let level = cli
		.log
		.clone()
		.or_else(|| std::env::var("ALLMENDE_LOG").ok())
		.and_then(|l| l.parse().ok())
		.unwrap_or(log::LevelFilter::Info);
	start_logging(level);
	let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
		Ok(runtime) => runtime,
		Err(e) => {
			eprintln!("error: cannot start the async runtime: {e}");
			std::process::exit(1);
		},
	};
	if let Err(e) = runtime.block_on(run(cli.command)) {
		eprintln!("error: {e:#}");
		std::process::exit(1);
	}
}

async fn run(command: Command) -> anyhow::Result<()> {
	match command {
		Command::Provide { config, test_fault } => match config::ProviderConfig::load(&config) {
			Ok(c) => provider::run(c, test_fault).await,
			Err(e) => Err(e.into()),
		},
		Command::Run { client, args } => requester::run(client, args).await,
		Command::Host { client, args } => host::run(client, args).await,
		Command::Result { job, client, raw } => requester::result(client, job, raw).await,
		Command::Exec { model, input, timeout_secs, in_process, work } => {
			exec(&model, &input, timeout_secs, in_process, work).await
		},
		Command::ExampleModel { out, kind, input, tokenizer } => {
			if let Some(path) = tokenizer {
				anyhow::ensure!(
					matches!(
						kind,
						ExampleKind::TextEncoder | ExampleKind::Decoder | ExampleKind::BenchDecoder
					),
					"--tokenizer goes with --kind text-encoder, decoder or bench-decoder"
				);
				std::fs::write(&path, workload::text::letters_tokenizer(EXAMPLE_WORDS))
					.with_context(|| path.display().to_string())?;
			}
			let (model, tensor) = kind.model_and_input();
			std::fs::write(&out, model).with_context(|| out.display().to_string())?;
			if let Some(input) = input {
				std::fs::write(&input, tensor).with_context(|| input.display().to_string())?;
			}
			Ok(())
		},
		Command::Pipeline { kind } => kind.write(),
		Command::Worker { .. } => anyhow::bail!("the worker runs before the async runtime"),
	}
}
