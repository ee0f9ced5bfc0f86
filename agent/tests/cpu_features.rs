//! Replicas on different CPUs commit the same bytes: the agent binary is run here and under
//! QEMU's user-mode emulator posing as older x86-64 CPUs, where tract and wasmtime find other
//! features and pick other kernels (no AVX at all; AVX2 and FMA without AVX-512). Every run
//! must print the same result hash. tract 0.22 has no `TRACT_CPU_ISA` switch on x86-64, so
//! the emulated CPU is how the features are changed. Needs `qemu-x86_64` (Debian's
//! `qemu-user`, which `scripts/setup.sh` installs).
#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

use std::{path::Path, process::Command};

const AGENT: &str = env!("CARGO_BIN_EXE_allmende-agent");

/// One `exec` run: the CPU features it saw, the result hash it printed and the result
/// document.
struct Run {
	cpu: String,
	hash: String,
	doc: Vec<u8>,
}

fn exec(cpu: Option<&str>, model: &str, input: &Path) -> Run {
	let mut cmd = match cpu {
		None => Command::new(AGENT),
		Some(cpu) => {
			let mut c = Command::new("qemu-x86_64");
			c.args(["-cpu", cpu, AGENT]);
			c
		},
	};
	let out = cmd
		// In this process: a worker process would be started natively, not emulated.
		.args(["exec", "--in-process", "--model", model, "--input"])
		.arg(input)
		.output()
		.unwrap_or_else(|e| panic!("cannot start {cpu:?} (qemu-x86_64 comes with qemu-user): {e}"));
	let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
	assert!(out.status.success(), "exec on {cpu:?} failed: {stderr}");
	let line = |prefix: &str| {
		stderr
			.lines()
			.find_map(|l| l.strip_prefix(prefix))
			.unwrap_or_else(|| panic!("no `{prefix}` in: {stderr}"))
			.to_string()
	};
	let hash = stderr
		.rsplit_once("(result hash ")
		.and_then(|(_, h)| h.split(')').next())
		.unwrap_or_else(|| panic!("no result hash in: {stderr}"))
		.to_string();
	let mut doc = out.stdout;
	while doc.last() == Some(&b'\n') {
		doc.pop();
	}
	Run { cpu: line("cpu features: "), hash, doc }
}

/// Runs natively, as a Nehalem (SSE4.2, no AVX) and as a Haswell (AVX2, FMA, no AVX-512),
/// two at a time, and checks that the emulated CPUs showed the features they should.
fn on_every_cpu(model: &str, input: &Path) -> [Run; 3] {
	let (native, nehalem, haswell) = std::thread::scope(|s| {
		let nehalem = s.spawn(|| exec(Some("Nehalem"), model, input));
		let haswell = s.spawn(|| exec(Some("Haswell"), model, input));
		let native = exec(None, model, input);
		(native, nehalem.join().expect("Nehalem run"), haswell.join().expect("Haswell run"))
	});
	let features = |r: &Run| -> Vec<String> {
		let inner = r.cpu.split_once('[').map(|(_, f)| f.trim_end_matches(']')).unwrap_or("");
		inner.split_whitespace().map(String::from).collect()
	};
	let (n, h) = (features(&nehalem), features(&haswell));
	assert!(!n.contains(&"avx".to_string()), "Nehalem showed AVX: {}", nehalem.cpu);
	assert!(
		h.contains(&"avx2".to_string()) && h.contains(&"fma".to_string()),
		"Haswell lacked AVX2 or FMA: {}",
		haswell.cpu
	);
	assert!(!h.contains(&"avx512f".to_string()), "Haswell showed AVX-512: {}", haswell.cpu);
	[native, nehalem, haswell]
}

/// The same result hash on every CPU.
fn same_on_every_cpu(model: &str, input: &Path) {
	let [native, nehalem, haswell] = on_every_cpu(model, input);
	assert_eq!(nehalem.hash, native.hash, "Nehalem ({}) vs native ({})", nehalem.cpu, native.cpu);
	assert_eq!(haswell.hash, native.hash, "Haswell ({}) vs native ({})", haswell.cpu, native.cpu);
}

/// The chain's `DefaultTolerance` in the runtime: the tolerance a job gets unless it names
/// one.
const DEFAULT_TOLERANCE: u32 = 10;

/// The values of an ONNX result document's outputs, in units of 1e-4.
fn onnx_values(doc: &[u8]) -> Vec<i64> {
	let doc: serde_json::Value = serde_json::from_slice(doc).expect("a result document");
	doc["outputs"]
		.as_array()
		.expect("ONNX outputs")
		.iter()
		.flat_map(|t| t["values"].as_array().expect("values").clone())
		.map(|v| v.as_i64().expect("finite values"))
		.collect()
}

/// How many of two documents' values (as `values` reads them) differ, and by how much at
/// most (units of 1e-4): what the notes report.
fn differences(a: &[u8], b: &[u8], values: fn(&[u8]) -> Vec<i64>) -> (usize, usize, i64) {
	let (a, b) = (values(a), values(b));
	assert_eq!(a.len(), b.len(), "the same number of outputs");
	let differ = a.iter().zip(&b).filter(|(x, y)| x != y).count();
	let most = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).max().unwrap_or(0);
	(a.len(), differ, most)
}

/// Every CPU's result is the same answer as the native one within the chain's default
/// tolerance (their hashes may differ: replicas that disagree only so go to arbiters, who
/// pay them all).
/// Returns the native run.
fn within_tolerance_on_every_cpu(
	name: &str,
	model: &str,
	input: &Path,
	values: fn(&[u8]) -> Vec<i64>,
) -> Run {
	let [native, nehalem, haswell] = on_every_cpu(model, input);
	for other in [&nehalem, &haswell] {
		let (outputs, differ, most) = differences(&native.doc, &other.doc, values);
		eprintln!(
			"{name}: {differ} of {outputs} values differ between native ({}) and {}, by at most {most} units of 1e-4; hashes {}",
			native.cpu,
			other.cpu,
			if native.hash == other.hash { "equal" } else { "differ" }
		);
		assert!(
			allmende_agent::workload::within(&native.doc, &other.doc, DEFAULT_TOLERANCE),
			"{name} on {} is not within {DEFAULT_TOLERANCE} of native",
			other.cpu
		);
	}
	native
}

#[test]
fn models_with_large_outputs_agree_within_the_default_tolerance_on_every_cpu() {
	use allmende_agent::workload::{npy, onnx};
	let dir = tempfile::tempdir().expect("temp dir");
	let write = |name: &str, bytes: Vec<u8>| {
		let path = dir.path().join(name);
		std::fs::write(&path, bytes).expect("write");
		path
	};
	// Four 3×3 convolutions of 64 channels on 56×56: 200,704 outputs.
	let conv = write("conv.onnx", onnx::conv_model(4, 64, 56, 7));
	let image =
		write("image.npy", npy::write_f32(&[1, 64, 56, 56], &onnx::random_input(64 * 56 * 56, 11)));
	within_tolerance_on_every_cpu("conv", conv.to_str().expect("UTF-8 path"), &image, onnx_values);
	// A dense layer of 1,024 inputs and 4,096 outputs.
	let dense = write("dense.onnx", onnx::dense_model(1024, 4096, 13));
	let x = write("x.npy", npy::write_f32(&[1, 1024], &onnx::random_input(1024, 17)));
	within_tolerance_on_every_cpu("dense", dense.to_str().expect("UTF-8 path"), &x, onnx_values);
}

#[test]
fn magika_gives_the_same_result_hash_on_every_cpu() {
	let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/workload/magika.rs");
	same_on_every_cpu("magika", &input);
}

#[test]
fn an_onnx_model_gives_the_same_result_hash_on_every_cpu() {
	let dir = tempfile::tempdir().expect("temp dir");
	let model = dir.path().join("example.onnx");
	std::fs::write(&model, allmende_agent::workload::onnx::example_model()).expect("model");
	let input = dir.path().join("x.npy");
	let values = [0.31f32, -2.5, 1.0e-3, 7.25];
	std::fs::write(&input, allmende_agent::workload::npy::write_f32(&[1, 4], &values))
		.expect("input");
	same_on_every_cpu(model.to_str().expect("UTF-8 path"), &input);
}

/// A model a registry package ships, which `scripts/setup.sh` fetches and checks by hash:
/// Silero VAD's sequence model (`silero-vad`), PaddleOCR's text-line orientation classifier
/// (`rapidocr-onnxruntime`).
fn package_model(name: &str) -> std::path::PathBuf {
	let dir = std::env::var_os("ALLMENDE_MODELS")
		.map(std::path::PathBuf::from)
		.unwrap_or_else(|| {
			Path::new(&std::env::var_os("HOME").expect("HOME")).join(".cache/allmende/models")
		});
	let model = dir.join(name);
	assert!(model.exists(), "{} is missing: scripts/setup.sh fetches it", model.display());
	model
}

#[test]
fn speech_segments_of_a_spoken_recording_agree_within_the_default_tolerance_on_every_cpu() {
	use allmende_agent::workload::{pipeline, speech, Outcome, Runner};
	let dir = tempfile::tempdir().expect("temp dir");
	// A sentence spoken by espeak-ng (22,050 Hz, so the pipeline resamples it), three times
	// after 1 s, 1.5 s and 1.5 s of silence: more than 512 frames, so the model's state is
	// carried from one block to the next and the last block is padded.
	let spoken = dir.path().join("spoken.wav");
	let status = Command::new("espeak-ng")
		.arg("-w")
		.arg(&spoken)
		.arg("Anyone may sell compute, and anyone may buy it, with no gatekeeper.")
		.status()
		.expect("espeak-ng (scripts/setup.sh installs it)");
	assert!(status.success());
	let audio = speech::decode_wav(&std::fs::read(&spoken).expect("spoken")).expect("a WAV file");
	let rate = audio.rate as usize;
	let pcm: Vec<i16> = audio.samples.iter().map(|x| (x * 32_768.0).round() as i16).collect();
	let silence = |seconds: f64| vec![0i16; (seconds * rate as f64) as usize];
	let mut recording = Vec::new();
	let mut sentences = Vec::new();
	for pause in [1.0, 1.5, 1.5] {
		recording.extend(silence(pause));
		sentences.push((recording.len(), recording.len() + pcm.len()));
		recording.extend(&pcm);
	}
	recording.extend(silence(0.5));
	let input = dir.path().join("recording.wav");
	std::fs::write(&input, speech::write_wav16(audio.rate, 1, &recording)).expect("recording");
	let model = std::fs::read(package_model("silero_vad_16k_sequence.onnx")).expect("model");
	let workload = dir.path().join("speech.pipeline");
	let manifest = pipeline::Manifest::SpeechSegments(speech::Params::default());
	std::fs::write(&workload, pipeline::write(&manifest, &model)).expect("pipeline");

	let [native, nehalem, haswell] = on_every_cpu(workload.to_str().expect("UTF-8 path"), &input);
	let Some(Outcome::Speech(found)) = Outcome::decode(Runner::Onnx, &native.doc) else {
		panic!("not a speech result: {}", String::from_utf8_lossy(&native.doc));
	};
	assert!(found.probs.len() > speech::BLOCK, "{} frames", found.probs.len());
	// Every segment lies in one of the sentences (give or take the 30 ms padding and a
	// 32 ms frame), and the segments cover most of each sentence.
	let at_16k = |x: usize| (x as u64 * speech::RATE) / rate as u64;
	let pad = speech::RATE * 30 / 1000 + speech::FRAME as u64;
	for &(from, to) in &sentences {
		let (from, to) = (at_16k(from), at_16k(to));
		let inside: Vec<_> = found
			.segments
			.iter()
			.filter(|[a, b]| *a + pad >= from && *b <= to + pad)
			.collect();
		let covered: u64 = inside.iter().map(|[a, b]| b.min(&to) - a.max(&from)).sum();
		assert!(
			covered * 10 >= (to - from) * 6,
			"speech in {from}..{to} is covered for {covered} samples by {:?}",
			found.segments
		);
	}
	for [a, b] in &found.segments {
		let in_one = sentences
			.iter()
			.any(|(from, to)| *a + pad >= at_16k(*from) && *b <= at_16k(*to) + pad);
		assert!(in_one, "segment {a}..{b} lies outside the speech: {:?}", found.segments);
	}
	for other in [&nehalem, &haswell] {
		let Some(Outcome::Speech(theirs)) = Outcome::decode(Runner::Onnx, &other.doc) else {
			panic!("not a speech result on {}", other.cpu);
		};
		let differ = found.probs.iter().zip(&theirs.probs).filter(|(x, y)| x != y).count();
		eprintln!(
			"speech: {differ} of {} probabilities differ between native ({}) and {}; segments {}",
			found.probs.len(),
			native.cpu,
			other.cpu,
			if theirs.segments == found.segments { "equal" } else { "differ" }
		);
		assert!(
			allmende_agent::workload::within(&native.doc, &other.doc, DEFAULT_TOLERANCE),
			"speech on {} is not within {DEFAULT_TOLERANCE} of native",
			other.cpu
		);
	}
}

/// PaddleOCR's orientation classifier in a pipeline as its model card says.
fn orientation_pipeline(dir: &Path) -> std::path::PathBuf {
	use allmende_agent::workload::{image, pipeline};
	let model = std::fs::read(package_model("ch_ppocr_mobile_v2.0_cls_infer.onnx")).expect("model");
	let manifest = pipeline::Manifest::ImageLabels(image::Params::text_line_orientation());
	let workload = dir.join("orientation.pipeline");
	std::fs::write(&workload, pipeline::write(&manifest, &model)).expect("pipeline");
	workload
}

#[test]
fn a_picture_of_text_is_labelled_alike_on_every_cpu() {
	use allmende_agent::workload::{Outcome, Runner};
	let dir = tempfile::tempdir().expect("temp dir");
	let workload = orientation_pipeline(dir.path());
	let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
	// A line of text as a PNG, and the same line turned upside down as a JPEG (decoded by the
	// portable code on every CPU).
	for (file, label) in [("text-line.png", "0"), ("text-line-180.jpg", "180")] {
		let input = data.join(file);
		let [native, nehalem, haswell] =
			on_every_cpu(workload.to_str().expect("UTF-8 path"), &input);
		let Some(Outcome::Image(found)) = Outcome::decode(Runner::Onnx, &native.doc) else {
			panic!("not a picture's labels: {}", String::from_utf8_lossy(&native.doc));
		};
		let best = &found.labels[found.top[0] as usize];
		assert_eq!(best, label, "{file}: {}", String::from_utf8_lossy(&native.doc));
		for other in [&nehalem, &haswell] {
			eprintln!(
				"image {file}: scores {} on native ({}), {} on {}; hashes {}",
				String::from_utf8_lossy(&native.doc),
				native.cpu,
				String::from_utf8_lossy(&other.doc),
				other.cpu,
				if native.hash == other.hash { "equal" } else { "differ" }
			);
			assert!(
				allmende_agent::workload::within(&native.doc, &other.doc, DEFAULT_TOLERANCE),
				"{file} on {} is not within {DEFAULT_TOLERANCE} of native",
				other.cpu
			);
		}
	}
}

#[test]
fn pictures_are_decoded_resized_and_normalised_to_the_same_values_on_every_cpu() {
	use allmende_agent::workload::{image, onnx, pipeline, Outcome, Runner};
	let dir = tempfile::tempdir().expect("temp dir");
	// The pipeline's scores are the prepared picture itself, each value in 1e-4: one level of
	// one pixel (1/255, divided by a std near 0.225) shows as about 174 units. Two ways to
	// prepare the 220 × 40 pictures: stretched down to 100 × 20 in RGB, and fitted up to a
	// height of 48 (264 columns) in BGR with the rest of 320 columns padded.
	let ways = [
		(100, 20, image::Resize::Stretch, image::Channels::Rgb),
		(320, 48, image::Resize::FitHeight, image::Channels::Bgr),
	];
	let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
	for (width, height, resize, channels) in ways {
		let manifest = pipeline::Manifest::ImageLabels(image::Params {
			width,
			height,
			resize,
			channels,
			layout: image::Layout::Nchw,
			mean: [0.485, 0.456, 0.406],
			std: [0.229, 0.224, 0.225],
			pad: -3.0,
			labels: (0..3 * width * height).map(|i| i.to_string()).collect(),
			top: 1,
		});
		let model = onnx::flatten_model(height as usize, width as usize);
		let workload = dir.path().join(format!("probe-{width}.pipeline"));
		std::fs::write(&workload, pipeline::write(&manifest, &model)).expect("pipeline");
		for file in ["text-line.png", "text-line-180.jpg"] {
			let [native, nehalem, haswell] =
				on_every_cpu(workload.to_str().expect("UTF-8 path"), &data.join(file));
			let Some(Outcome::Image(found)) = Outcome::decode(Runner::Onnx, &native.doc) else {
				panic!("{file}: not a picture's labels: {}", String::from_utf8_lossy(&native.doc));
			};
			assert_eq!(found.scores.len(), 3 * (width * height) as usize);
			assert_eq!((found.width, found.height), (220, 40));
			for other in [&nehalem, &haswell] {
				assert_eq!(
					other.hash, native.hash,
					"{file} as {width} × {height} on {} vs native ({})",
					other.cpu, native.cpu
				);
			}
		}
	}
}

/// The vectors of a text result, in units of 1e-4, one after the other.
fn text_values(doc: &[u8]) -> Vec<i64> {
	use allmende_agent::workload::{Outcome, Runner, Value};
	let Some(Outcome::Text(t)) = Outcome::decode(Runner::Onnx, doc) else {
		panic!("not a text's vectors: {}", String::from_utf8_lossy(doc));
	};
	let unit = |v: &Value| match v {
		Value::Int(x) => *x,
		other => panic!("not a finite value: {other:?}"),
	};
	t.vectors.iter().flatten().map(unit).collect()
}

#[test]
fn sentences_get_the_same_vectors_on_every_cpu() {
	use allmende_agent::workload::{text, Outcome, Runner, Value};
	let dir = tempfile::tempdir().expect("temp dir");
	// all-MiniLM-L6-v2 with int8 weights and its own tokenizer, as sentence-transformers uses
	// it: mean pooling, normalised.
	let json = std::fs::read(package_model("all-MiniLM-L6-v2.tokenizer.json")).expect("tokenizer");
	let model = std::fs::read(package_model("all-MiniLM-L6-v2-int8.onnx")).expect("model");
	let params = text::Params {
		tokenizer_bytes: 0,
		max_tokens: 256,
		pooling: text::Pooling::Mean,
		normalize: true,
	};
	let workload = dir.path().join("minilm.pipeline");
	std::fs::write(&workload, text::workload(params, &json, &model)).expect("pipeline");
	let input = dir.path().join("sentences.txt");
	let long = "Providers stake, bid and compute; arbiters judge. ".repeat(40);
	std::fs::write(
		&input,
		format!(
			"A man is eating food.\nA man is eating a piece of bread.\nRust is a systems \
			 programming language.\nÜber naïve Cafés: 42 €, 東京.\n{long}\n"
		),
	)
	.expect("input");
	let path = |p: &Path| p.to_str().expect("UTF-8 path").to_string();
	let native =
		within_tolerance_on_every_cpu("all-MiniLM-L6-v2", &path(&workload), &input, text_values);
	let Some(Outcome::Text(t)) = Outcome::decode(Runner::Onnx, &native.doc) else {
		unreachable!("read above")
	};
	// The model means something: the two sentences about eating are nearer each other than
	// either is to the one about Rust (vectors of length 1 in units of 1e-4: cosines).
	let v: Vec<Vec<i64>> = t
		.vectors
		.iter()
		.map(|v| v.iter().map(|x| if let Value::Int(x) = x { *x } else { 0 }).collect())
		.collect();
	let cos = |a: &[i64], b: &[i64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<i64>();
	assert!(cos(&v[0], &v[1]) > cos(&v[0], &v[2]) && cos(&v[0], &v[1]) > cos(&v[1], &v[2]));
	// The long line was cut to the manifest's 256 tokens.
	assert_eq!(t.tokens[4], 256);
	// A random encoder of BERT's interface with a tokenizer of letters and a few words, on
	// more tokens than the real model saw.
	let json = text::letters_tokenizer(&["the", "market"]);
	let vocab = text::vocab_size(&json).expect("the letters tokenizer loads");
	let model = allmende_agent::workload::onnx::text_encoder_model(vocab, 512, 2, 64, 4, 5);
	let params = text::Params {
		tokenizer_bytes: 0,
		max_tokens: 512,
		pooling: text::Pooling::Cls,
		normalize: false,
	};
	let workload = dir.path().join("random.pipeline");
	std::fs::write(&workload, text::workload(params, &json, &model)).expect("pipeline");
	within_tolerance_on_every_cpu("a random text encoder", &path(&workload), &input, text_values);
}

/// A generation result's document, from `exec` or the library.
fn generation(doc: &[u8]) -> allmende_agent::workload::generate::Generation {
	use allmende_agent::workload::{Outcome, Runner};
	match Outcome::decode(Runner::Onnx, doc) {
		Some(Outcome::Generation(g)) => g,
		_ => panic!("not a generation: {}", String::from_utf8_lossy(doc)),
	}
}

#[test]
fn language_model_results_are_checked_alike_on_every_cpu_and_cheats_are_not_accepted() {
	use allmende_agent::workload::{
		check, generate, onnx, pipeline, sandbox::Workers, text, Check, Outcome,
	};
	let dir = tempfile::tempdir().expect("temp dir");
	let json = text::letters_tokenizer(&["the", "market", "open", "compute", "ai", "for"]);
	let vocab = text::vocab_size(&json).expect("the letters tokenizer loads");
	let prompts =
		["an open market for ai compute", "the market is open", "compute for all", "who pays?"];
	let runtime = tokio::runtime::Runtime::new().expect("a runtime");
	let checkers: [(&str, Vec<String>); 3] = [
		("native", vec![]),
		("Nehalem", vec!["qemu-x86_64".into(), "-cpu".into(), "Nehalem".into()]),
		("Haswell", vec!["qemu-x86_64".into(), "-cpu".into(), "Haswell".into()]),
	];
	let (mut honest, mut rejected, mut differing) = (0, 0, 0);
	// Per cheat: how many were checked, how many accepted.
	let mut cheats: std::collections::BTreeMap<&str, (u32, u32)> = Default::default();
	let letters = tokenizers::Tokenizer::from_bytes(&json).expect("loads");
	for seed in 1..=6u64 {
		let model = onnx::decoder_model(vocab, 256, 2, 64, 4, seed);
		let sampled = seed % 2 == 1;
		let params = generate::Params {
			tokenizer_bytes: 0,
			max_prompt_tokens: 64,
			max_new_tokens: 24,
			temperature: if sampled { 0.8 } else { 0.0 },
			seed,
			stop: vec![],
		};
		let workload = generate::workload(params.clone(), &json, &model);
		let path = dir.path().join(format!("decoder-{seed}.pipeline"));
		std::fs::write(&path, &workload).expect("pipeline");
		// Honest replicas on three CPUs, each result checked on three.
		let prompt = prompts[seed as usize % prompts.len()];
		let input = dir.path().join(format!("prompt-{seed}.txt"));
		std::fs::write(&input, prompt).expect("prompt");
		let runs = on_every_cpu(path.to_str().expect("UTF-8 path"), &input);
		for run in &runs {
			if run.doc != runs[0].doc {
				differing += 1;
			}
			for (name, prefix) in &checkers {
				let workers = Workers::at(AGENT).under(prefix).expect("workers");
				let wall = std::time::Duration::from_secs(300);
				let verdict = runtime
					.block_on(workers.check(&workload, prompt.as_bytes(), &run.doc, 10, wall))
					.unwrap_or_else(|e| panic!("checking on {name}: {e}"));
				honest += 1;
				if verdict != Check::Agrees {
					rejected += 1;
					eprintln!("decoder {seed}: the {} result was rejected on {name}", run.cpu);
				}
			}
		}
		// Cheats, each checked natively on every prompt.
		for prompt in prompts {
			let run = |p: &generate::Params, m: &[u8]| {
				let w = generate::workload(p.clone(), &json, m);
				pipeline::run(&w, prompt.as_bytes()).encode()
			};
			let mut judge = |name, doc: Vec<u8>| {
				let accepted = check(&workload, prompt.as_bytes(), &doc, 10) == Check::Agrees;
				let e = cheats.entry(name).or_default();
				e.0 += 1;
				e.1 += u32::from(accepted);
			};
			let honest_doc = run(&params, &model);
			assert_eq!(check(&workload, prompt.as_bytes(), &honest_doc, 10), Check::Agrees);
			judge(
				"another model of the interface",
				run(&params, &onnx::decoder_model(vocab, 256, 2, 64, 4, seed + 100)),
			);
			judge(
				"the model without its second layer",
				run(&params, &onnx::decoder_model(vocab, 256, 1, 64, 4, seed)),
			);
			let bf16 = onnx::with_rounded_weights(&model, 7).expect("decodes");
			judge("the weights at bfloat16 precision", run(&params, &bf16));
			let f16 = onnx::with_rounded_weights(&model, 10).expect("decodes");
			judge("the weights at float16 precision", run(&params, &f16));
			if sampled {
				let other = generate::Params { seed: seed + 1000, ..params.clone() };
				judge("another sampling seed", run(&other, &model));
				let greedy = generate::Params { temperature: 0.0, ..params.clone() };
				judge("greedy instead of sampled", run(&greedy, &model));
			} else {
				let hot = generate::Params { temperature: 1.0, ..params.clone() };
				judge("sampled instead of greedy", run(&hot, &model));
			}
			let mut cut = generation(&honest_doc);
			cut.tokens.truncate(12);
			cut.logprobs.truncate(12);
			cut.text = letters.decode(&cut.tokens, true).expect("decodes");
			judge("cut short", Outcome::Generation(cut).encode());
			// The tokens of another prompt, claimed for this one.
			let other_prompt = if prompt == prompts[0] { prompts[1] } else { prompts[0] };
			let theirs = generation(&pipeline::run(&workload, other_prompt.as_bytes()).encode());
			let elsewhere =
				generate::Generation { prompt: generation(&honest_doc).prompt, ..theirs };
			judge("another prompt's tokens", Outcome::Generation(elsewhere).encode());
		}
	}
	// A larger decoder whose logits the CPUs round differently: 3 layers of width 192, a
	// vocabulary of 4,096 (the tokens past the tokenizer's decode to nothing), 48 tokens
	// sampled. Each CPU's result is checked natively, and the native one on the emulated CPUs
	// (QEMU takes about 20 s a run of it).
	let model = onnx::decoder_model(4096, 256, 3, 192, 6, 21);
	let params = generate::Params {
		tokenizer_bytes: 0,
		max_prompt_tokens: 64,
		max_new_tokens: 48,
		temperature: 0.8,
		seed: 21,
		stop: vec![],
	};
	let workload = generate::workload(params, &json, &model);
	let path = dir.path().join("large.pipeline");
	std::fs::write(&path, &workload).expect("pipeline");
	let input = dir.path().join("large-prompt.txt");
	std::fs::write(&input, prompts[0]).expect("prompt");
	let runs = on_every_cpu(path.to_str().expect("UTF-8 path"), &input);
	let native = generation(&runs[0].doc);
	let wall = std::time::Duration::from_secs(600);
	let mut verdicts = Vec::new();
	for run in &runs {
		if run.doc != runs[0].doc {
			differing += 1;
			let ours = generation(&run.doc);
			let first = ours.tokens.iter().zip(&native.tokens).position(|(a, b)| a != b);
			let unit = |v: &allmende_agent::workload::Value| match v {
				allmende_agent::workload::Value::Int(x) => *x,
				other => panic!("not a finite value: {other:?}"),
			};
			// Up to the first other token, by how much the log-probabilities differ.
			let upto = first.unwrap_or(native.tokens.len());
			let most = ours.logprobs[..upto]
				.iter()
				.zip(&native.logprobs[..upto])
				.map(|(a, b)| (unit(a) - unit(b)).abs())
				.max()
				.unwrap_or(0);
			eprintln!(
				"the large decoder on {}: another result than native's, the first other token at \
				 {first:?}, log-probabilities before it differ by up to {most} units of 1e-4",
				run.cpu
			);
		}
		let workers = Workers::at(AGENT);
		let check = workers.check(&workload, prompts[0].as_bytes(), &run.doc, 10, wall);
		verdicts.push((format!("the {} result natively", run.cpu), runtime.block_on(check)));
	}
	for (name, prefix) in &checkers[1..] {
		let workers = Workers::at(AGENT).under(prefix).expect("workers");
		let check = workers.check(&workload, prompts[0].as_bytes(), &runs[0].doc, 10, wall);
		verdicts.push((format!("the native result on {name}"), runtime.block_on(check)));
	}
	for (what, verdict) in verdicts {
		honest += 1;
		match verdict {
			Ok(Check::Agrees) => {},
			other => {
				rejected += 1;
				eprintln!("the large decoder: {what} was judged {other:?}");
			},
		}
	}
	eprintln!(
		"honest generations: {rejected} of {honest} checks rejected ({differing} of 21 results \
		 differ from the native one), tolerance 10"
	);
	for (name, (checked, accepted)) in &cheats {
		eprintln!("cheat \"{name}\": {accepted} of {checked} accepted");
	}
	assert_eq!(rejected, 0, "an honest replica's result was rejected");
	for (name, (_, accepted)) in &cheats {
		if !name.contains("precision") {
			assert_eq!(*accepted, 0, "a result of \"{name}\" was accepted");
		}
	}
}
