//! Speech segments of a recording: the `speech-segments` pipeline.
//!
//! Every step is defined here to the sample, so that replicas agree:
//!
//! 1. **Decoding.** The input is a WAV file (RIFF `WAVE`): PCM with 8 (unsigned), 16, 24 or 32
//!    bits, or 32-bit IEEE float (format 1, 3, or 0xFFFE with either as its subformat), 1 to 8
//!    channels, 8,000 to 192,000 samples per second. Channels are averaged into one.
//! 2. **Resampling to 16 kHz.** At a multiple of 16 kHz, each output sample is the mean of
//!    that many input samples; at any other rate, it is the linear interpolation between the
//!    two input samples around its position (`n × rate / 16000`, exact in integers). Both in
//!    `f64`, without transcendental functions, so every CPU gives the same samples.
//! 3. **Frames.** 512 samples (32 ms), the last padded with zeros, each preceded by the 64
//!    samples before it (zeros before the first): rows of 576 samples.
//! 4. **The model**, with Silero VAD's sequence interface (`silero_vad_16k_sequence.onnx` of
//!    the `silero-vad` package): inputs `input` f32 `[frames, 576]`, `h` and `c` f32
//!    `[1, 1, 128]` (zeros at the start); outputs the speech probability of each frame and the
//!    new `h` and `c`. It runs on blocks of at most 512 frames (16.4 s), the last padded with
//!    silent frames whose probabilities are dropped, carrying `h` and `c` from block to block.
//! 5. **Probabilities** are rounded to multiples of 1e-4 like every float result.
//! 6. **Segments** follow from the rounded probabilities ([`segments`]): speech starts at a
//!    frame at or above `threshold` and ends where the probability stays below
//!    `neg_threshold` for `min_silence_ms`; segments not longer than `min_speech_ms` are
//!    dropped; each is padded by `speech_pad_ms` (half the gap when two are closer). This is
//!    Silero's own rule without a maximum segment length.
//!
//! The result: `{"workload":"speech","status":"ok","params":{…},"samples":N,"probs":[…],
//! "segments":[[start,end],…]}`, positions in samples at 16 kHz. Two results are the same
//! answer within a tolerance when their parameters and lengths are equal, their probabilities
//! are within the tolerance, and each one's segments are what its own probabilities give: a
//! probability on a threshold may round to either side on two CPUs and move a segment's edge
//! by a frame, and both replicas are honest. The tolerance bounds how far each probability
//! may be from the arbiter's, not the segments: a result whose frames near a threshold all lean
//! one way by up to the tolerance may have a segment more or fewer, and is still the same
//! answer. Speech jobs should therefore ask for a small tolerance (the chain's default, 10
//! units of 1e-4, is 0.1 % of the probability range; the CPUs measured here differ by 0 or 1).

use serde::{Deserialize, Serialize};
use tract_onnx::prelude::*;

use super::{
	onnx::{self, Plan},
	Failure, Outcome, Runner, Value, FLOAT_SCALE,
};

/// The model's sample rate.
pub const RATE: u64 = 16_000;
/// Samples per frame.
pub const FRAME: usize = 512;
/// Samples of context before each frame.
pub const CONTEXT: usize = 64;
/// Frames per run of the model.
pub const BLOCK: usize = 512;
/// The size of the model's `h` and `c` state.
const STATE: usize = 128;

/// The parameters of the `speech-segments` pipeline, in its manifest. Probabilities in units
/// of 1e-4, durations in milliseconds; Silero's defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
	pub threshold: u32,
	pub neg_threshold: u32,
	pub min_speech_ms: u32,
	pub min_silence_ms: u32,
	pub speech_pad_ms: u32,
}

impl Default for Params {
	fn default() -> Self {
		Self {
			threshold: 5_000,
			neg_threshold: 3_500,
			min_speech_ms: 250,
			min_silence_ms: 100,
			speech_pad_ms: 30,
		}
	}
}

impl Params {
	/// Thresholds in 0 ..= 1 with `neg_threshold` not above `threshold`, durations up to a
	/// minute.
	pub fn valid(&self) -> bool {
		self.threshold <= FLOAT_SCALE as u32
			&& self.neg_threshold <= self.threshold
			&& [self.min_speech_ms, self.min_silence_ms, self.speech_pad_ms]
				.iter()
				.all(|ms| *ms <= 60_000)
	}
}

/// What the pipeline gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speech {
	pub params: Params,
	/// Samples at 16 kHz.
	pub samples: u64,
	/// Each frame's speech probability, rounded.
	pub probs: Vec<Value>,
	/// `[start, end)` of each segment of speech, in samples at 16 kHz.
	pub segments: Vec<[u64; 2]>,
}

fn failed(f: Failure) -> Outcome {
	Outcome::Failed(Runner::Onnx, f)
}

/// Runs the pipeline with `model` on a WAV file.
pub fn run(params: &Params, model: &[u8], wav: &[u8]) -> Outcome {
	if !params.valid() {
		return failed(Failure::InvalidModel);
	}
	let audio = match decode_wav(wav) {
		Ok(a) => a,
		Err(e) => {
			log::debug!("speech input: {e}");
			return failed(Failure::InvalidInput);
		},
	};
	let samples = resample(&audio.samples, audio.rate);
	drop(audio);
	let probs = match onnx::with_fallback(|how| probabilities(model, &samples, how)) {
		Ok(p) => p,
		Err(f) => return failed(f),
	};
	let samples = samples.len() as u64;
	let segments = segments(params, &probs, samples);
	Outcome::Speech(Speech { params: params.clone(), samples, probs, segments })
}

/// A recording's length in milliseconds, rounded up: its work ([`super::Unit::AudioMs`]);
/// `invalid_input` when it is not a WAV file the pipeline reads.
pub fn milliseconds(wav: &[u8]) -> Result<u64, Failure> {
	let audio = decode_wav(wav).map_err(|_| Failure::InvalidInput)?;
	let samples = audio.samples.len() as u64;
	Ok(samples.saturating_mul(1000).div_ceil(u64::from(audio.rate.max(1))))
}

/// Mono samples and their rate.
#[derive(Debug, PartialEq)]
pub struct Audio {
	pub rate: u32,
	pub samples: Vec<f32>,
}

/// Why a file is not a WAV recording the pipeline reads.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum WavError {
	#[error("not a RIFF WAVE file")]
	NotWav,
	#[error("no `fmt ` chunk before the `data` chunk")]
	NoFormat,
	#[error("no `data` chunk")]
	NoData,
	#[error("sample format {format} with {bits} bits is not read (PCM 8/16/24/32 or float 32)")]
	Format { format: u16, bits: u16 },
	#[error("{0} channels (1 to 8 are read)")]
	Channels(u16),
	#[error("{0} samples per second (8000 to 192000 are read)")]
	Rate(u32),
	#[error("a float sample that is not a finite number")]
	NotFinite,
}

/// Decodes a WAV file into mono samples (channels averaged).
pub fn decode_wav(bytes: &[u8]) -> Result<Audio, WavError> {
	if bytes.len() < 12 || &bytes[..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
		return Err(WavError::NotWav);
	}
	let mut at = 12;
	let mut format: Option<(u16, u16, u32, u16)> = None;
	while at + 8 <= bytes.len() {
		let id = &bytes[at..at + 4];
		let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().expect("4 bytes")) as usize;
		let body = &bytes[at + 8..];
		// A data chunk may claim more than the file has (a stream written before its end was
		// known): what is there is read.
		let body = &body[..len.min(body.len())];
		match id {
			b"fmt " => {
				if body.len() < 16 {
					return Err(WavError::NoFormat);
				}
				let u16_at = |i: usize| u16::from_le_bytes([body[i], body[i + 1]]);
				let mut tag = u16_at(0);
				if tag == 0xFFFE && body.len() >= 26 {
					tag = u16_at(24);
				}
				let rate = u32::from_le_bytes(body[4..8].try_into().expect("4 bytes"));
				format = Some((tag, u16_at(2), rate, u16_at(14)));
			},
			b"data" => {
				let (tag, channels, rate, bits) = format.ok_or(WavError::NoFormat)?;
				if !(1..=8).contains(&channels) {
					return Err(WavError::Channels(channels));
				}
				if !(8_000..=192_000).contains(&rate) {
					return Err(WavError::Rate(rate));
				}
				let width = match (tag, bits) {
					(1, 8) => 1,
					(1, 16) => 2,
					(1, 24) => 3,
					(1, 32) | (3, 32) => 4,
					_ => return Err(WavError::Format { format: tag, bits }),
				};
				let sample = |b: &[u8]| -> f64 {
					match (tag, width) {
						(1, 1) => (f64::from(b[0]) - 128.0) / 128.0,
						(1, 2) => f64::from(i16::from_le_bytes([b[0], b[1]])) / 32_768.0,
						(1, 3) => {
							f64::from(i32::from_le_bytes([0, b[0], b[1], b[2]]) >> 8) / 8_388_608.0
						},
						(1, _) => {
							f64::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
								/ 2_147_483_648.0
						},
						_ => f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
					}
				};
				let step = width * usize::from(channels);
				// Float samples outside -1 ..= 1 are clipped, as a sound card would; NaN and
				// infinities are refused (a model's kernels treat them differently on
				// different CPUs).
				let samples = body
					.chunks_exact(step)
					.map(|frame| {
						let mut sum = 0.0;
						for x in frame.chunks_exact(width).map(sample) {
							if !x.is_finite() {
								return Err(WavError::NotFinite);
							}
							sum += x.clamp(-1.0, 1.0);
						}
						Ok((sum / f64::from(channels)) as f32)
					})
					.collect::<Result<_, _>>()?;
				return Ok(Audio { rate, samples });
			},
			_ => {},
		}
		// Chunks are padded to an even length.
		at = at.saturating_add(8).saturating_add(len).saturating_add(len & 1);
	}
	Err(WavError::NoData)
}

/// A WAV file of 16-bit PCM (`samples` interleaved by channel).
pub fn write_wav16(rate: u32, channels: u16, samples: &[i16]) -> Vec<u8> {
	let data: Vec<u8> = samples.iter().flat_map(|s| s.to_le_bytes()).collect();
	let mut out = b"RIFF".to_vec();
	out.extend_from_slice(&(36 + data.len() as u32).to_le_bytes());
	out.extend_from_slice(b"WAVEfmt ");
	out.extend_from_slice(&16u32.to_le_bytes());
	out.extend_from_slice(&1u16.to_le_bytes());
	out.extend_from_slice(&channels.to_le_bytes());
	out.extend_from_slice(&rate.to_le_bytes());
	out.extend_from_slice(&(rate * 2 * u32::from(channels)).to_le_bytes());
	out.extend_from_slice(&(2 * channels).to_le_bytes());
	out.extend_from_slice(&16u16.to_le_bytes());
	out.extend_from_slice(b"data");
	out.extend_from_slice(&(data.len() as u32).to_le_bytes());
	out.extend_from_slice(&data);
	out
}

/// Resamples to 16 kHz (see the module's documentation).
pub fn resample(samples: &[f32], rate: u32) -> Vec<f32> {
	let rate = u64::from(rate);
	if rate == RATE {
		return samples.to_vec();
	}
	if rate % RATE == 0 {
		let step = (rate / RATE) as usize;
		return samples
			.chunks_exact(step)
			.map(|c| (c.iter().map(|x| f64::from(*x)).sum::<f64>() / step as f64) as f32)
			.collect();
	}
	let out = (samples.len() as u64).saturating_mul(RATE) / rate;
	(0..out)
		.map(|n| {
			let position = n * rate;
			let (i, frac) = ((position / RATE) as usize, (position % RATE) as f64 / RATE as f64);
			let a = f64::from(samples[i]);
			let b = f64::from(samples.get(i + 1).copied().unwrap_or(samples[i]));
			(a + (b - a) * frac) as f32
		})
		.collect()
}

/// How many frames a recording of `samples` samples has.
pub fn frame_count(samples: u64) -> u64 {
	samples.div_ceil(FRAME as u64)
}

/// The rows the model takes for frames `first .. first + count`: each frame after its
/// context (see the module's documentation); frames past the recording are silent.
pub fn rows(samples: &[f32], first: usize, count: usize) -> Vec<f32> {
	let mut rows = vec![0f32; count * (CONTEXT + FRAME)];
	for (f, row) in rows.chunks_exact_mut(CONTEXT + FRAME).enumerate() {
		let start = (first + f) * FRAME;
		for (j, x) in row.iter_mut().enumerate() {
			// The sample at `start - CONTEXT + j`, zero outside the recording.
			if let Some(at) = (start + j).checked_sub(CONTEXT) {
				*x = samples.get(at).copied().unwrap_or(0.0);
			}
		}
	}
	rows
}

/// Each frame's rounded speech probability.
fn probabilities(model: &[u8], samples: &[f32], how: Plan) -> Result<Vec<Value>, Failure> {
	let width = CONTEXT + FRAME;
	let count = frame_count(samples.len() as u64) as usize;
	// An empty recording still needs a model that takes the rows: any bytes are not one.
	let block = count.clamp(1, BLOCK);
	let state = vec![1, 1, STATE];
	let facts = [
		(f32::datum_type(), vec![block, width]),
		(f32::datum_type(), state.clone()),
		(f32::datum_type(), state.clone()),
	];
	// The pipeline fixes the rows' shape, so a model that does not take them is the model's
	// fault.
	let plan = onnx::prepare(model, &facts, how)
		.map_err(|f| if f == Failure::InvalidInput { Failure::InvalidModel } else { f })?
		.plan;
	let mut h = Tensor::zero::<f32>(&state).map_err(|_| Failure::ExecutionFailed)?;
	let mut c = h.clone();
	let mut probs = Vec::with_capacity(count);
	for first in (0..count).step_by(block) {
		let taken = (count - first).min(block);
		// The last block is padded with silent frames, whose probabilities are dropped.
		let data = rows(samples, first, block);
		let input =
			Tensor::from_shape(&[block, width], &data).map_err(|_| Failure::ExecutionFailed)?;
		let outputs = plan.run(tvec!(input.into(), h.into(), c.into())).map_err(|e| {
			log::debug!("speech model failed ({how:?}): {e:#}");
			Failure::ExecutionFailed
		})?;
		let [p, new_h, new_c] = &outputs[..] else {
			log::debug!("the speech model gives {} outputs, not 3", outputs.len());
			return Err(Failure::InvalidModel);
		};
		let p = p.cast_to::<f64>().map_err(|_| Failure::InvalidModel)?;
		let p = p.as_slice::<f64>().map_err(|_| Failure::InvalidModel)?;
		if p.len() != block || new_h.shape() != state || new_c.shape() != state {
			log::debug!("the speech model's outputs have the wrong shapes");
			return Err(Failure::InvalidModel);
		}
		probs.extend(p[..taken].iter().map(|x| Value::float(*x)));
		h = new_h.clone().into_tensor();
		c = new_c.clone().into_tensor();
	}
	Ok(probs)
}

/// A rounded probability as an integer in units of 1e-4: NaN and -inf count as 0, +inf as 1.
fn level(v: &Value) -> i64 {
	match v {
		Value::Int(x) => *x,
		Value::NonFinite("inf") => FLOAT_SCALE as i64,
		_ => 0,
	}
}

/// The segments of speech that rounded probabilities give (see the module's documentation):
/// `[start, end)` in samples at 16 kHz, for a recording of `samples` samples.
pub fn segments(p: &Params, probs: &[Value], samples: u64) -> Vec<[u64; 2]> {
	let ms = |ms: u32| RATE * u64::from(ms) / 1000;
	let (min_speech, min_silence, pad) =
		(ms(p.min_speech_ms), ms(p.min_silence_ms), ms(p.speech_pad_ms));
	let mut found: Vec<[u64; 2]> = Vec::new();
	let mut start: Option<u64> = None;
	let mut silent_since: Option<u64> = None;
	for (i, prob) in probs.iter().enumerate() {
		let at = (i * FRAME) as u64;
		let level = level(prob);
		if level >= i64::from(p.threshold) {
			silent_since = None;
			if start.is_none() {
				start = Some(at);
			}
			continue;
		}
		let Some(from) = start else { continue };
		if level < i64::from(p.neg_threshold) {
			let since = *silent_since.get_or_insert(at);
			if at - since >= min_silence {
				if since - from > min_speech {
					found.push([from, since]);
				}
				start = None;
				silent_since = None;
			}
		}
	}
	if let Some(from) = start {
		if samples.saturating_sub(from) > min_speech {
			found.push([from, samples]);
		}
	}
	// Padding: `pad` on each side, or half the gap between two segments closer than 2 × pad.
	let n = found.len();
	for i in 0..n {
		if i == 0 {
			found[0][0] = found[0][0].saturating_sub(pad);
		}
		if i + 1 < n {
			let gap = found[i + 1][0].saturating_sub(found[i][1]);
			let shift = if gap < 2 * pad { gap / 2 } else { pad };
			found[i][1] = found[i][1].saturating_add(shift);
			found[i + 1][0] = found[i + 1][0].saturating_sub(shift);
		} else {
			found[i][1] = found[i][1].saturating_add(pad).min(samples);
		}
	}
	found
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A WAV file of 16-bit PCM with an odd-length chunk before its data.
	fn wav16(rate: u32, channels: u16, samples: &[i16]) -> Vec<u8> {
		let mut out = write_wav16(rate, channels, samples);
		let data_at = out.len() - 8 - 2 * samples.len();
		out.splice(data_at..data_at, b"LIST\x03\x00\x00\x00abc\x00".iter().copied());
		out
	}

	#[test]
	fn a_recording_s_work_is_its_length_in_milliseconds_rounded_up() {
		assert_eq!(milliseconds(&wav16(16_000, 1, &vec![0; 16_000])), Ok(1000));
		assert_eq!(milliseconds(&wav16(16_000, 1, &vec![0; 16_001])), Ok(1001));
		// Stereo: two samples per frame, one frame per sample of the mono recording.
		assert_eq!(milliseconds(&wav16(8_000, 2, &vec![0; 16])), Ok(1));
		assert_eq!(milliseconds(b"RIFF????WAVE"), Err(Failure::InvalidInput));
	}

	#[test]
	fn wav_files_decode_to_mono_and_others_are_refused() {
		// Stereo: the channels are averaged; an odd-length chunk before `data` is skipped with
		// its pad byte.
		let audio = decode_wav(&wav16(8_000, 2, &[16_384, 0, -32_768, -32_768])).unwrap();
		assert_eq!(audio, Audio { rate: 8_000, samples: vec![0.25, -1.0] });
		assert_eq!(decode_wav(b"RIFF\0\0\0\0WAVX"), Err(WavError::NotWav));
		assert_eq!(decode_wav(&wav16(4_000, 1, &[0])), Err(WavError::Rate(4_000)));
		assert_eq!(decode_wav(&wav16(16_000, 9, &[0; 9])), Err(WavError::Channels(9)));
		let mut sixteen_bit_float = wav16(16_000, 1, &[0]);
		sixteen_bit_float[20] = 3;
		assert_eq!(decode_wav(&sixteen_bit_float), Err(WavError::Format { format: 3, bits: 16 }));
		let header_only = &wav16(16_000, 1, &[])[..36];
		assert_eq!(decode_wav(header_only), Err(WavError::NoData));
	}

	#[test]
	fn resampling_averages_multiples_and_interpolates_other_rates() {
		assert_eq!(resample(&[1.0, 3.0, 5.0, 7.0, 9.0, 11.0, 13.0], 48_000), vec![3.0, 9.0]);
		// 24 kHz → 16 kHz: positions 0, 1.5, 3.
		assert_eq!(resample(&[0.0, 1.0, 2.0, 3.0, 4.0], 24_000), vec![0.0, 1.5, 3.0]);
		assert_eq!(resample(&[0.5; 3], 16_000), vec![0.5; 3]);
	}

	#[test]
	fn frames_carry_the_samples_before_them() {
		let samples: Vec<f32> = (1..=600).map(|x| x as f32).collect();
		assert_eq!(frame_count(600), 2);
		let rows = rows(&samples, 0, 2);
		assert_eq!(rows.len(), 2 * (CONTEXT + FRAME));
		// Frame 0: 64 zeros, then samples 1 ..= 512.
		assert!(rows[..CONTEXT].iter().all(|x| *x == 0.0));
		assert_eq!(rows[CONTEXT], 1.0);
		// Frame 1: samples 449 ..= 512 as context, then 513 ..= 600 and zeros.
		let second = &rows[CONTEXT + FRAME..];
		assert_eq!((second[0], second[CONTEXT - 1], second[CONTEXT]), (449.0, 512.0, 513.0));
		assert_eq!(second[CONTEXT + 87], 600.0);
		assert_eq!(second[CONTEXT + 88], 0.0);
		// A block from frame 1 on: the same row; frames past the recording are silent.
		let later = super::rows(&samples, 1, 2);
		assert_eq!(&later[..CONTEXT + FRAME], second);
		assert_eq!(later[CONTEXT + FRAME], 0.0);
		assert!(later[CONTEXT + FRAME..].iter().all(|x| *x == 0.0));
	}

	#[test]
	fn a_model_of_silero_s_interface_runs_over_blocks() {
		// 1,100 frames of a tone: three blocks, the last padded.
		let samples: Vec<i16> =
			(0..1_100 * FRAME).map(|i| if i % 32 < 16 { 8_000 } else { -8_000 }).collect();
		let wav = write_wav16(16_000, 1, &samples);
		let outcome = run(&Params::default(), &onnx::speech_like_model(1), &wav);
		let Outcome::Speech(s) = outcome else { panic!("{outcome:?}") };
		assert_eq!(s.probs.len(), 1_100);
		// Another model of the same interface gives other probabilities.
		let Outcome::Speech(other) = run(&Params::default(), &onnx::speech_like_model(2), &wav)
		else {
			panic!("no result");
		};
		assert_ne!(s.probs, other.probs);
	}

	#[test]
	fn float_samples_are_clipped_and_non_finite_ones_refused() {
		let float_wav = |values: &[f32]| {
			let mut out = write_wav16(16_000, 1, &vec![0; 2 * values.len()]);
			out[20] = 3; // IEEE float
			out[34] = 32; // bits per sample
			let data_at = out.len() - 4 * values.len();
			for (i, v) in values.iter().enumerate() {
				out[data_at + 4 * i..data_at + 4 * i + 4].copy_from_slice(&v.to_le_bytes());
			}
			out
		};
		assert_eq!(
			decode_wav(&float_wav(&[0.5, 3.0, -7.0])).unwrap().samples,
			vec![0.5, 1.0, -1.0]
		);
		assert_eq!(decode_wav(&float_wav(&[0.5, f32::NAN])), Err(WavError::NotFinite));
		assert_eq!(decode_wav(&float_wav(&[f32::INFINITY])), Err(WavError::NotFinite));
	}

	#[test]
	fn segments_follow_silero_s_rule() {
		let p = Params::default();
		let probs = |levels: &[i64]| levels.iter().map(|x| Value::Int(*x)).collect::<Vec<_>>();
		let frame = FRAME as u64;
		// Speech in frames 2..12, a dip below neg_threshold for 2 frames (64 ms < 100 ms, so
		// the segment goes on), then silence from frame 15.
		let mut levels = vec![100; 30];
		for l in &mut levels[2..15] {
			*l = 9_000;
		}
		levels[8] = 1_000;
		levels[9] = 1_000;
		// Frame 20: speech of one frame (32 ms < 250 ms): dropped.
		levels[20] = 9_000;
		let samples = 30 * frame;
		let pad = 480;
		assert_eq!(
			segments(&p, &probs(&levels), samples),
			vec![[2 * frame - pad, 15 * frame + pad]]
		);
		// Between the two thresholds nothing ends; speech to the end of the recording is kept.
		let mut levels = vec![0; 20];
		for l in &mut levels[3..] {
			*l = 4_000;
		}
		levels[3] = 6_000;
		let samples = 20 * frame - 7;
		assert_eq!(segments(&p, &probs(&levels), samples), vec![[3 * frame - pad, samples]]);
		// Two segments closer than twice the padding (here 100 ms: 1,600 samples) share the
		// gap between them: 6 frames, 3,072 samples. The first starts at 0, not before.
		let wide = Params { speech_pad_ms: 100, ..Params::default() };
		let levels: Vec<i64> = (0..40)
			.map(|i| if (2..12).contains(&i) || (18..30).contains(&i) { 9_000 } else { 0 })
			.collect();
		let found = segments(&wide, &probs(&levels), 40 * frame);
		assert_eq!(found, vec![[0, 12 * frame + 1_536], [18 * frame - 1_536, 30 * frame + 1_600]]);
	}
}
