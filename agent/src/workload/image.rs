//! Labels of a picture: the `image-labels` pipeline.
//!
//! Every step is defined here to the value, so that replicas agree:
//!
//! 1. **Decoding.** The input is a PNG (any colour type and bit depth: palettes and sub-byte
//!    samples are expanded, 16-bit samples keep their high byte, transparency is composited
//!    over white) or a JPEG (baseline or progressive; grey, YCbCr, RGB, CMYK or YCCK; to RGB,
//!    by zune-jpeg built without its SIMD code, so every CPU runs the same integer arithmetic,
//!    and in its strict mode, so a damaged file is refused rather than filled in). At most
//!    [`MAX_PIXELS`] pixels; anything else is `invalid_input`. Pixels are taken as stored: an
//!    EXIF orientation is not applied (a phone's picture that is upright only by its EXIF tag
//!    is seen turned).
//! 2. **Resizing**, bilinear with pixel centres at half integers and edges repeated (the rule
//!    of OpenCV's `INTER_LINEAR`), in `f64` without transcendental functions, each value
//!    rounded to an integer in 0 ..= 255. `stretch` resizes to exactly `width` × `height`;
//!    `fit-height` (PaddleOCR's rule for a line of text) resizes to `height` rows and
//!    `ceil(height × w / h)` columns, at most `width`, and the columns right of the picture
//!    are `pad`.
//! 3. **Normalising**: each value becomes `(v / 255 − mean[c]) / std[c]`, computed in `f64`
//!    and stored as `f32`; channels in `channels` order (`rgb` or `bgr`; `mean` and `std` in
//!    that order too), laid out `nchw` (`[1, 3, height, width]`) or `nhwc`
//!    (`[1, height, width, 3]`).
//! 4. **The model** takes that one tensor; its first output holds one score per label (any
//!    shape with that many values). Whatever the scores mean (probabilities, logits) is the
//!    model's.
//! 5. **Scores** are rounded to multiples of 1e-4 like every float result, and the `top`
//!    labels follow from the rounded scores ([`top`]): the highest first, the lower index
//!    first among equal scores.
//!
//! The result: `{"workload":"image","status":"ok","width":W,"height":H,"labels":[…],
//! "scores":[…],"top":[i,…]}`, with the picture's own size and the indices of the top labels.
//! Two results are the same answer within a tolerance when their sizes and labels are equal,
//! their scores are within the tolerance, they name as many top labels, and each one's top
//! labels are what its own scores give: two labels whose scores round differently on two CPUs
//! may trade places, and both replicas are honest.

use serde::{Deserialize, Serialize};
use tract_onnx::prelude::*;

use super::{
	onnx::{self, Plan},
	Failure, Outcome, Runner, Value,
};

/// The most pixels a picture may have (a 40 megapixel photograph; 120 MB as RGB).
pub const MAX_PIXELS: u64 = 40_000_000;
/// The largest side of the model's input.
pub const MAX_SIDE: u32 = 4096;
/// The most labels a manifest names.
pub const MAX_LABELS: usize = 100_000;
/// The most top labels a result names.
pub const MAX_TOP: u32 = 100;
/// The most a PNG decoder allocates beside the picture (its own buffers).
const PNG_BUFFERS: usize = 64 << 20;

/// How a picture is brought to the model's size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Resize {
	/// To exactly `width` × `height`.
	#[default]
	Stretch,
	/// To `height` rows and as many columns as keep the picture's proportions, at most
	/// `width`; the columns right of it are `pad`.
	FitHeight,
}

/// The order of the colour channels the model takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Channels {
	#[default]
	Rgb,
	Bgr,
}

/// The layout of the model's input tensor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
	/// `[1, 3, height, width]`.
	#[default]
	Nchw,
	/// `[1, height, width, 3]`.
	Nhwc,
}

/// The parameters of the `image-labels` pipeline, in its manifest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
	/// The model's input size.
	pub width: u32,
	pub height: u32,
	#[serde(default)]
	pub resize: Resize,
	#[serde(default)]
	pub channels: Channels,
	#[serde(default)]
	pub layout: Layout,
	/// Subtracted from each value scaled to 0 ..= 1, per channel in `channels` order.
	#[serde(default)]
	pub mean: [f32; 3],
	/// What each value is then divided by, per channel.
	#[serde(default = "ones")]
	pub std: [f32; 3],
	/// The value of the columns `fit-height` leaves empty (after normalising).
	#[serde(default)]
	pub pad: f32,
	/// The name of each score of the model's first output.
	pub labels: Vec<String>,
	/// How many of the best labels the result names.
	#[serde(default = "five")]
	pub top: u32,
}

fn ones() -> [f32; 3] {
	[1.0; 3]
}

fn five() -> u32 {
	5
}

impl Params {
	/// Sides in 1 ..= [`MAX_SIDE`], finite numbers, no standard deviation of zero, 1 ..=
	/// [`MAX_LABELS`] labels, 1 ..= [`MAX_TOP`] top labels.
	pub fn valid(&self) -> bool {
		let side = 1..=MAX_SIDE;
		side.contains(&self.width)
			&& side.contains(&self.height)
			&& self.mean.iter().chain(&self.std).chain([&self.pad]).all(|x| x.is_finite())
			&& self.std.iter().all(|s| *s != 0.0)
			&& (1..=MAX_LABELS).contains(&self.labels.len())
			&& (1..=MAX_TOP).contains(&self.top)
	}

	/// The manifest of PaddleOCR's text-line orientation classifier
	/// (`ch_ppocr_mobile_v2.0_cls_infer.onnx`, which the `rapidocr-onnxruntime` package ships)
	/// as its model card (RapidOCR's `config.yaml`) gives it: 3 × 48 × 192, the height fitted,
	/// BGR, mean and std 0.5, labels `0` and `180` (degrees), the best one named.
	pub fn text_line_orientation() -> Self {
		Self {
			width: 192,
			height: 48,
			resize: Resize::FitHeight,
			channels: Channels::Bgr,
			layout: Layout::Nchw,
			mean: [0.5; 3],
			std: [0.5; 3],
			pad: 0.0,
			labels: vec!["0".into(), "180".into()],
			top: 1,
		}
	}

	/// The shape of the model's input.
	pub fn shape(&self) -> Vec<usize> {
		let (w, h) = (self.width as usize, self.height as usize);
		match self.layout {
			Layout::Nchw => vec![1, 3, h, w],
			Layout::Nhwc => vec![1, h, w, 3],
		}
	}
}

/// What the pipeline gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageLabels {
	/// The picture's size.
	pub width: u32,
	pub height: u32,
	/// The manifest's labels.
	pub labels: Vec<String>,
	/// Each label's score, rounded.
	pub scores: Vec<Value>,
	/// The indices of the best labels, best first.
	pub top: Vec<u32>,
}

impl ImageLabels {
	/// What the pipeline can give: a picture of at most [`MAX_PIXELS`], a score per label, and
	/// 1 ..= [`MAX_TOP`] top labels that are what its scores give.
	pub fn consistent(&self) -> bool {
		let pixels = u64::from(self.width) * u64::from(self.height);
		(1..=MAX_PIXELS).contains(&pixels)
			&& (1..=MAX_LABELS).contains(&self.labels.len())
			&& self.scores.len() == self.labels.len()
			&& (1..=MAX_TOP as usize).contains(&self.top.len())
			&& self.top.len() <= self.labels.len()
			&& top(&self.scores, self.top.len()) == self.top
	}
}

fn failed(f: Failure) -> Outcome {
	Outcome::Failed(Runner::Onnx, f)
}

/// Runs the pipeline with `model` on a PNG or JPEG file.
pub fn run(params: &Params, model: &[u8], file: &[u8]) -> Outcome {
	if !params.valid() {
		return failed(Failure::InvalidModel);
	}
	let picture = match decode(file) {
		Ok(p) => p,
		Err(e) => {
			log::debug!("image input: {e}");
			return failed(Failure::InvalidInput);
		},
	};
	let data = input(params, &picture);
	let (width, height) = (picture.width, picture.height);
	drop(picture);
	let scores = match onnx::with_fallback(|how| scores(params, model, &data, how)) {
		Ok(s) => s,
		Err(f) => return failed(f),
	};
	let count = (params.top as usize).min(scores.len());
	let top = top(&scores, count);
	Outcome::Image(ImageLabels { width, height, labels: params.labels.clone(), scores, top })
}

/// A picture's width times its height: its work ([`super::Unit::Pixels`]); `invalid_input`
/// when it is not a picture the pipeline reads.
pub fn pixel_count(file: &[u8]) -> Result<u64, Failure> {
	let p = decode(file).map_err(|_| Failure::InvalidInput)?;
	Ok(u64::from(p.width) * u64::from(p.height))
}

/// A decoded picture: RGB, 8 bits per channel, row by row.
#[derive(Debug, PartialEq)]
pub struct Picture {
	pub width: u32,
	pub height: u32,
	pub rgb: Vec<u8>,
}

/// Why a file is not a picture the pipeline reads.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
	#[error("neither a PNG nor a JPEG file")]
	Format,
	#[error("a picture without pixels")]
	Empty,
	#[error("{width} × {height} pixels, more than {MAX_PIXELS}")]
	TooLarge { width: u64, height: u64 },
	#[error("PNG: {0}")]
	Png(String),
	#[error("JPEG: {0}")]
	Jpeg(String),
}

/// Decodes a PNG or JPEG file (by its first bytes) to RGB.
pub fn decode(file: &[u8]) -> Result<Picture, PictureError> {
	if file.starts_with(b"\x89PNG\r\n\x1a\n") {
		decode_png(file)
	} else if file.starts_with(&[0xFF, 0xD8, 0xFF]) {
		decode_jpeg(file)
	} else {
		Err(PictureError::Format)
	}
}

/// The pixels of a picture of this size, if it has some and not too many.
fn pixels(width: u64, height: u64) -> Result<usize, PictureError> {
	if width == 0 || height == 0 {
		return Err(PictureError::Empty);
	}
	width
		.checked_mul(height)
		.filter(|p| *p <= MAX_PIXELS)
		.and_then(|p| usize::try_from(p).ok())
		.ok_or(PictureError::TooLarge { width, height })
}

/// A colour value with opacity `alpha` over white, rounded to the nearest integer.
fn over_white(value: u8, alpha: u8) -> u8 {
	let (v, a) = (u32::from(value), u32::from(alpha));
	// At most 255 × 255 + 127 before the division: the quotient is at most 255.
	((v * a + 255 * (255 - a) + 127) / 255) as u8
}

fn decode_png(file: &[u8]) -> Result<Picture, PictureError> {
	use png::{BitDepth, ColorType, Transformations};
	let png_error = |e: png::DecodingError| PictureError::Png(e.to_string());
	let mut decoder = png::Decoder::new_with_limits(
		std::io::Cursor::new(file),
		png::Limits { bytes: PNG_BUFFERS },
	);
	decoder.set_transformations(Transformations::EXPAND | Transformations::STRIP_16);
	let mut reader = decoder.read_info().map_err(png_error)?;
	let (width, height) = reader.info().size();
	let count = pixels(width.into(), height.into())?;
	let size = reader
		.output_buffer_size()
		.ok_or(PictureError::TooLarge { width: width.into(), height: height.into() })?;
	let mut buffer = vec![0; size];
	let frame = reader.next_frame(&mut buffer).map_err(png_error)?;
	let channels = match (frame.color_type, frame.bit_depth) {
		(ColorType::Grayscale, BitDepth::Eight) => 1,
		(ColorType::GrayscaleAlpha, BitDepth::Eight) => 2,
		(ColorType::Rgb, BitDepth::Eight) => 3,
		(ColorType::Rgba, BitDepth::Eight) => 4,
		other => return Err(PictureError::Png(format!("{other:?} after expanding"))),
	};
	let row = width as usize * channels;
	let mut rgb = Vec::with_capacity(count * 3);
	for line in buffer.chunks(frame.line_size).take(height as usize) {
		let line = line.get(..row).ok_or_else(|| PictureError::Png("a short row".into()))?;
		for px in line.chunks_exact(channels) {
			let (colour, alpha) = match *px {
				[g] => ([g; 3], 255),
				[g, a] => ([g; 3], a),
				[r, g, b] => ([r, g, b], 255),
				[r, g, b, a] => ([r, g, b], a),
				_ => return Err(PictureError::Png("a pixel of another size".into())),
			};
			rgb.extend(colour.map(|v| over_white(v, alpha)));
		}
	}
	if rgb.len() != count * 3 {
		return Err(PictureError::Png("fewer rows than the header says".into()));
	}
	Ok(Picture { width, height, rgb })
}

fn decode_jpeg(file: &[u8]) -> Result<Picture, PictureError> {
	use zune_jpeg::zune_core::{
		bytestream::ZCursor, colorspace::ColorSpace, options::DecoderOptions,
	};
	let jpeg_error = |e: zune_jpeg::errors::DecodeErrors| PictureError::Jpeg(format!("{e:?}"));
	// The portable code only (the crate is built without its SIMD code, and told not to use
	// any), so that every CPU decodes the same pixels.
	let options = DecoderOptions::default()
		.set_use_unsafe(false)
		.set_strict_mode(true)
		.set_max_width(usize::from(u16::MAX))
		.set_max_height(usize::from(u16::MAX))
		.jpeg_set_out_colorspace(ColorSpace::RGB);
	let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(file), options);
	decoder.decode_headers().map_err(jpeg_error)?;
	match decoder.input_colorspace() {
		Some(
			ColorSpace::Luma
			| ColorSpace::YCbCr
			| ColorSpace::RGB
			| ColorSpace::CMYK
			| ColorSpace::YCCK,
		) => {},
		other => return Err(PictureError::Jpeg(format!("colour space {other:?}"))),
	}
	let info = decoder.info().ok_or_else(|| PictureError::Jpeg("no header".into()))?;
	let (width, height) = (u32::from(info.width), u32::from(info.height));
	let count = pixels(width.into(), height.into())?;
	let rgb = decoder.decode().map_err(jpeg_error)?;
	if rgb.len() != count * 3 {
		return Err(PictureError::Jpeg(format!("{} bytes for {width} × {height}", rgb.len())));
	}
	Ok(Picture { width, height, rgb })
}

/// For each output position along a side, the two source positions and the second's weight:
/// centres at half integers, edges repeated.
fn taps(from: u32, to: usize) -> Vec<(usize, usize, f64)> {
	let last = from as usize - 1;
	let scale = f64::from(from) / to as f64;
	(0..to)
		.map(|i| {
			let at = ((i as f64 + 0.5) * scale - 0.5).max(0.0);
			let first = (at.floor() as usize).min(last);
			let weight = if first == last { 0.0 } else { at - first as f64 };
			(first, (first + 1).min(last), weight)
		})
		.collect()
}

/// The picture resized to `columns` × `rows`, bilinear (see the module's step 2), RGB.
pub fn resize(p: &Picture, columns: usize, rows: usize) -> Vec<u8> {
	let xs = taps(p.width, columns);
	let ys = taps(p.height, rows);
	let at = |x: usize, y: usize, c: usize| f64::from(p.rgb[(y * p.width as usize + x) * 3 + c]);
	let mut out = Vec::with_capacity(columns * rows * 3);
	for &(y0, y1, wy) in &ys {
		for &(x0, x1, wx) in &xs {
			for c in 0..3 {
				let top = at(x0, y0, c) * (1.0 - wx) + at(x1, y0, c) * wx;
				let bottom = at(x0, y1, c) * (1.0 - wx) + at(x1, y1, c) * wx;
				let v = top * (1.0 - wy) + bottom * wy;
				out.push(v.round().clamp(0.0, 255.0) as u8);
			}
		}
	}
	out
}

/// The model's input for a picture (see the module's steps 2 and 3), in [`Params::shape`].
pub fn input(params: &Params, p: &Picture) -> Vec<f32> {
	let (w, h) = (params.width as usize, params.height as usize);
	let columns = match params.resize {
		Resize::Stretch => w,
		Resize::FitHeight => {
			let proportional =
				(u64::from(params.height) * u64::from(p.width)).div_ceil(u64::from(p.height));
			proportional.clamp(1, u64::from(params.width)) as usize
		},
	};
	let resized = resize(p, columns, h);
	let order = match params.channels {
		Channels::Rgb => [0, 1, 2],
		Channels::Bgr => [2, 1, 0],
	};
	let mut data = vec![params.pad; 3 * w * h];
	for y in 0..h {
		for x in 0..columns {
			for (c, from) in order.iter().enumerate() {
				let v = f64::from(resized[(y * columns + x) * 3 + from]);
				let normal = (v / 255.0 - f64::from(params.mean[c])) / f64::from(params.std[c]);
				let at = match params.layout {
					Layout::Nchw => (c * h + y) * w + x,
					Layout::Nhwc => (y * w + x) * 3 + c,
				};
				data[at] = normal as f32;
			}
		}
	}
	data
}

/// The rounded scores of the model's first output, one per label.
fn scores(params: &Params, model: &[u8], data: &[f32], how: Plan) -> Result<Vec<Value>, Failure> {
	let shape = params.shape();
	// The pipeline fixes the input, so a model that does not take it is the model's fault.
	let plan = onnx::prepare(model, &[(f32::datum_type(), shape.clone())], how)
		.map_err(|f| if f == Failure::InvalidInput { Failure::InvalidModel } else { f })?
		.plan;
	let input = Tensor::from_shape(&shape, data).map_err(|_| Failure::ExecutionFailed)?;
	let outputs = plan.run(tvec!(input.into())).map_err(|e| {
		log::debug!("image model failed ({how:?}): {e:#}");
		Failure::ExecutionFailed
	})?;
	let first = outputs.first().ok_or(Failure::InvalidModel)?;
	let wide = first.cast_to::<f64>().map_err(|_| Failure::InvalidModel)?;
	let values = wide.as_slice::<f64>().map_err(|_| Failure::InvalidModel)?;
	if values.len() != params.labels.len() {
		log::debug!(
			"the image model gives {} scores for {} labels",
			values.len(),
			params.labels.len()
		);
		return Err(Failure::InvalidModel);
	}
	Ok(values.iter().map(|x| Value::float(*x)).collect())
}

/// How a rounded score ranks: NaN and -inf lowest, +inf highest.
fn rank(v: &Value) -> (u8, i64) {
	match v {
		Value::Int(x) => (1, *x),
		Value::Bool(b) => (1, i64::from(*b)),
		Value::NonFinite("inf") => (2, 0),
		Value::NonFinite(_) => (0, 0),
	}
}

/// The indices of the `count` best scores: the highest first, the lower index first among
/// equal scores.
pub fn top(scores: &[Value], count: usize) -> Vec<u32> {
	let mut order: Vec<u32> = (0..scores.len() as u32).collect();
	order
		.sort_by(|a, b| rank(&scores[*b as usize]).cmp(&rank(&scores[*a as usize])).then(a.cmp(b)));
	order.truncate(count);
	order
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A PNG of `width` × `height` in `color` with 8-bit samples.
	fn png(width: u32, height: u32, color: png::ColorType, data: &[u8]) -> Vec<u8> {
		let mut out = Vec::new();
		let mut encoder = png::Encoder::new(&mut out, width, height);
		encoder.set_color(color);
		encoder.set_depth(png::BitDepth::Eight);
		let mut writer = encoder.write_header().unwrap();
		writer.write_image_data(data).unwrap();
		writer.finish().unwrap();
		out
	}

	#[test]
	fn a_picture_s_work_is_its_pixels() {
		let file = png(3, 5, png::ColorType::Grayscale, &[0; 15]);
		assert_eq!(pixel_count(&file), Ok(15));
		assert_eq!(pixel_count(b"GIF89a"), Err(Failure::InvalidInput));
	}

	#[test]
	fn pngs_decode_to_rgb_over_white_and_other_files_are_refused() {
		let gray = png(2, 1, png::ColorType::Grayscale, &[0, 200]);
		assert_eq!(decode(&gray).unwrap().rgb, [0, 0, 0, 200, 200, 200]);
		// Opaque, half transparent, transparent black.
		let rgba = png(3, 1, png::ColorType::Rgba, &[10, 20, 30, 255, 0, 0, 0, 128, 0, 0, 0, 0]);
		let p = decode(&rgba).unwrap();
		assert_eq!((p.width, p.height), (3, 1));
		assert_eq!(p.rgb, [10, 20, 30, 127, 127, 127, 255, 255, 255]);
		assert_eq!(decode(b"GIF89a"), Err(PictureError::Format));
		assert!(matches!(decode(&gray[..gray.len() - 20]), Err(PictureError::Png(_))));
		assert!(matches!(decode(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]), Err(PictureError::Jpeg(_))));
	}

	#[test]
	fn palettes_transparency_and_16_bit_samples_are_expanded() {
		// Two palette entries, the second half transparent (tRNS).
		let mut out = Vec::new();
		let mut encoder = png::Encoder::new(&mut out, 2, 1);
		encoder.set_color(png::ColorType::Indexed);
		encoder.set_depth(png::BitDepth::Eight);
		encoder.set_palette(vec![10, 20, 30, 0, 0, 0]);
		encoder.set_trns(vec![255, 128]);
		let mut writer = encoder.write_header().unwrap();
		writer.write_image_data(&[0, 1]).unwrap();
		writer.finish().unwrap();
		assert_eq!(decode(&out).unwrap().rgb, [10, 20, 30, 127, 127, 127]);
		// 16-bit grey keeps each sample's high byte.
		let mut out = Vec::new();
		let mut encoder = png::Encoder::new(&mut out, 2, 1);
		encoder.set_color(png::ColorType::Grayscale);
		encoder.set_depth(png::BitDepth::Sixteen);
		let mut writer = encoder.write_header().unwrap();
		writer.write_image_data(&[0x12, 0xFF, 0xAB, 0x01]).unwrap();
		writer.finish().unwrap();
		assert_eq!(decode(&out).unwrap().rgb, [0x12, 0x12, 0x12, 0xAB, 0xAB, 0xAB]);
	}

	#[test]
	fn jpegs_decode_to_rgb_and_damaged_ones_are_refused() {
		let grey = include_bytes!("../../tests/data/grey.jpg");
		let p = decode(grey).unwrap();
		assert_eq!((p.width, p.height, p.rgb.len()), (55, 10, 55 * 10 * 3));
		assert!(p.rgb.chunks(3).all(|c| c[0] == c[1] && c[1] == c[2]), "grey stays grey");
		let colour = include_bytes!("../../tests/data/text-line-180.jpg");
		let p = decode(colour).unwrap();
		assert_eq!((p.width, p.height), (220, 40));
		assert!(p.rgb.chunks(3).any(|c| c[0] != c[2]), "colour stays colour");
		// Cut short: refused, not filled in.
		let cut = &colour[..colour.len() / 2];
		assert!(
			matches!(decode(cut), Err(PictureError::Jpeg(_))),
			"{:?}",
			decode(cut).map(|p| p.width)
		);
	}

	#[test]
	fn pictures_beyond_the_pixel_limit_are_refused_before_decoding() {
		// A header that claims 10,000 × 10,000 pixels, with no image data behind it.
		let mut big = png(1, 1, png::ColorType::Grayscale, &[0]);
		let ihdr = 8 + 8;
		big[ihdr..ihdr + 4].copy_from_slice(&10_000u32.to_be_bytes());
		big[ihdr + 4..ihdr + 8].copy_from_slice(&10_000u32.to_be_bytes());
		let crc = crc32(&big[12..ihdr + 13]);
		big[ihdr + 13..ihdr + 17].copy_from_slice(&crc.to_be_bytes());
		assert_eq!(decode(&big), Err(PictureError::TooLarge { width: 10_000, height: 10_000 }));
	}

	fn crc32(bytes: &[u8]) -> u32 {
		let mut crc = !0u32;
		for b in bytes {
			crc ^= u32::from(*b);
			for _ in 0..8 {
				crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
			}
		}
		!crc
	}

	#[test]
	fn resizing_is_bilinear_with_half_pixel_centres() {
		let p = Picture { width: 2, height: 1, rgb: vec![0, 0, 0, 100, 100, 100] };
		// Four columns from two: centres at -0.25, 0.25, 0.75, 1.25 of the source.
		assert_eq!(resize(&p, 4, 1).chunks(3).map(|c| c[0]).collect::<Vec<_>>(), [0, 25, 75, 100]);
		// Down to one column: the mean of the two.
		assert_eq!(resize(&p, 1, 2), [50, 50, 50, 50, 50, 50]);
		// The same size is the same picture.
		assert_eq!(resize(&p, 2, 1), p.rgb);
		// Rows as columns: two rows, a black one above a grey one, made four.
		let tall = Picture { width: 1, height: 2, rgb: vec![0, 0, 0, 100, 100, 100] };
		assert_eq!(
			resize(&tall, 1, 4).chunks(3).map(|c| c[0]).collect::<Vec<_>>(),
			[0, 25, 75, 100]
		);
		// Both at once: the centre of a 2 × 2 picture is the mean of its four pixels.
		let grey: Vec<u8> = [0u8, 40, 80, 200].iter().flat_map(|v| [*v; 3]).collect();
		let square = Picture { width: 2, height: 2, rgb: grey };
		assert_eq!(resize(&square, 1, 1), [80, 80, 80]);
	}

	fn params(labels: usize) -> Params {
		Params {
			width: 4,
			height: 2,
			resize: Resize::Stretch,
			channels: Channels::Rgb,
			layout: Layout::Nchw,
			mean: [0.5; 3],
			std: [0.5; 3],
			pad: 0.0,
			labels: (0..labels).map(|i| format!("l{i}")).collect(),
			top: 2,
		}
	}

	#[test]
	fn the_input_is_normalised_in_the_manifests_channel_order_and_layout() {
		// A 2 × 1 picture: a red pixel and a green one.
		let p = Picture { width: 2, height: 1, rgb: vec![255, 0, 0, 0, 255, 0] };
		let base = Params { width: 2, height: 1, ..params(1) };
		let chw = input(&base, &p);
		assert_eq!(chw, [1.0, -1.0, -1.0, 1.0, -1.0, -1.0]);
		let bgr = input(&Params { channels: Channels::Bgr, ..base.clone() }, &p);
		assert_eq!(bgr, [-1.0, -1.0, -1.0, 1.0, 1.0, -1.0]);
		let hwc = input(&Params { layout: Layout::Nhwc, ..base.clone() }, &p);
		assert_eq!(hwc, [1.0, -1.0, -1.0, -1.0, 1.0, -1.0]);
		// fit-height: a red dot made two rows high is two columns wide, of eight; the rest of
		// each row is padding.
		let dot = Picture { width: 1, height: 1, rgb: vec![255, 0, 0] };
		let fit = Params { width: 8, height: 2, resize: Resize::FitHeight, pad: 9.0, ..base };
		let data = input(&fit, &dot);
		let row = [1.0, 1.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0];
		assert_eq!(data[..8], row);
		assert_eq!(data[8..16], row);
		assert_eq!(data[16..18], [-1.0, -1.0]);
	}

	#[test]
	fn top_labels_rank_by_rounded_score_then_index() {
		let scores: Vec<Value> =
			[Value::Int(5), Value::NonFinite("nan"), Value::Int(9), Value::Int(5), Value::Int(-3)]
				.into();
		assert_eq!(top(&scores, 3), [2, 0, 3]);
		assert_eq!(top(&scores, 9), [2, 0, 3, 4, 1]);
		assert_eq!(top(&[Value::Int(1), Value::NonFinite("inf")], 1), [1]);
	}

	#[test]
	fn a_model_whose_scores_do_not_match_the_labels_is_an_invalid_model() {
		// A model of three labels for 4 × 2 pictures.
		let model = onnx::image_model(2, 4, 3, 7);
		let picture = png(4, 2, png::ColorType::Rgb, &[128; 24]);
		let ok = run(&params(3), &model, &picture);
		let Outcome::Image(labels) = &ok else { panic!("{ok:?}") };
		assert_eq!((labels.width, labels.height, labels.scores.len()), (4, 2, 3));
		assert!(labels.consistent());
		assert_eq!(labels.top.len(), 2);
		assert_eq!(
			run(&params(4), &model, &picture),
			Outcome::Failed(Runner::Onnx, Failure::InvalidModel)
		);
		assert_eq!(
			run(&params(3), &model, b"not a picture"),
			Outcome::Failed(Runner::Onnx, Failure::InvalidInput)
		);
		let invalid = Params { std: [0.0; 3], ..params(3) };
		assert_eq!(
			run(&invalid, &model, &picture),
			Outcome::Failed(Runner::Onnx, Failure::InvalidModel)
		);
	}
}
