//! ONNX workloads, run on CPU with tract, with a canonical encoding of the outputs.
//!
//! The input is one `.npy` tensor for a model with one input (see [`super::npy`]), or a
//! pipeline's input ([`super::pipeline`]). The model's outputs are encoded as in [`super`]:
//! floats rounded to multiples of 1e-4, so that replicas on CPUs with different vector units
//! (tract picks its kernels by the CPU's features) agree. Models run as tract's optimized
//! plan, and as the decluttered plan (each operator on its own) when optimizing or running the
//! optimized plan fails: the fused element-wise kernel of tract 0.22.5 panics on Magika (a
//! slice index out of range in `UnicastKer`), which [`super::magika`] therefore runs
//! decluttered. A value within about 1e-7 of a rounding boundary may still round differently
//! on two machines; such a job ends in a dispute that arbiters settle. Two limits of the
//! fallback: a workload past the heap limit ends its worker at once, without a second try,
//! and the optimized plan's buffers depend on the kernels a CPU gets, so a model needing
//! within a few percent of the 2 GiB limit may be `memory_limit` on one CPU and not another;
//! and a model whose optimized plan fails on one CPU only and whose decluttered plan fails
//! everywhere gives a result there and a failure elsewhere. Neither was seen on the models
//! tested here (`tests/cpu_features.rs`).

use tract_onnx::prelude::*;

use super::{npy, Failure, Outcome, Runner, TensorOut, Value};

fn failed(failure: Failure) -> Outcome {
	Outcome::Failed(Runner::Onnx, failure)
}

/// A tract tensor from an `.npy` tensor.
fn tensor_of(t: &npy::Npy<'_>) -> TractResult<Tensor> {
	use npy::Elem::*;
	let shape = &t.shape;
	macro_rules! from_le {
		($ty:ty) => {{
			let values: Vec<$ty> = t
				.data
				.chunks_exact(std::mem::size_of::<$ty>())
				.map(|c| <$ty>::from_le_bytes(c.try_into().expect("chunk of the element size")))
				.collect();
			Tensor::from_shape(shape, &values)
		}};
	}
	match t.elem {
		F32 => from_le!(f32),
		F64 => from_le!(f64),
		I8 => from_le!(i8),
		I16 => from_le!(i16),
		I32 => from_le!(i32),
		I64 => from_le!(i64),
		U8 => from_le!(u8),
		U16 => from_le!(u16),
		U32 => from_le!(u32),
		U64 => from_le!(u64),
		Bool => {
			let values: Vec<bool> = t.data.iter().map(|b| *b != 0).collect();
			Tensor::from_shape(shape, &values)
		},
	}
}

/// Runs an ONNX model on an `.npy` input, or a pipeline ([`super::pipeline`]) on its input.
pub fn run(model: &[u8], input: &[u8]) -> Outcome {
	if super::pipeline::is_pipeline(model) {
		return super::pipeline::run(model, input);
	}
	let tensor = match npy::parse(input).map_err(anyhow::Error::from).and_then(|t| tensor_of(&t)) {
		Ok(t) => t,
		Err(e) => {
			log::debug!("ONNX input is not a tensor: {e:#}");
			return failed(Failure::InvalidInput);
		},
	};
	run_tensors(model, vec![tensor])
}

/// Runs an ONNX model on the given input tensors, in the model's input order.
///
/// The model runs as tract's optimized plan (its fused CPU kernels, about ten times faster on
/// convolutions and matrix products). When tract cannot optimize the model, or the optimized
/// plan fails or panics, the model runs again from its bytes as the decluttered plan, which
/// implements each operator on its own: both compute the same function, and their floats
/// differ only in rounding, which the job's tolerance absorbs. A failure is reported only when
/// the decluttered plan fails as well, so it does not depend on which kernels a CPU has.
pub fn run_tensors(model: &[u8], inputs: Vec<Tensor>) -> Outcome {
	with_fallback(|how| run_plan(model, inputs.clone(), how)).unwrap_or_else(failed)
}

/// `work` with the optimized plan, and with the decluttered plan when that fails or panics
/// (see [`run_tensors`]).
pub(super) fn with_fallback<T>(work: impl Fn(Plan) -> Result<T, Failure>) -> Result<T, Failure> {
	match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(Plan::Optimized))) {
		Ok(Ok(done)) => Ok(done),
		Ok(Err(failure)) => {
			log::debug!("the optimized plan failed ({failure:?}); running the decluttered plan");
			work(Plan::Decluttered)
		},
		Err(_) => {
			log::warn!("the optimized plan panicked; running the decluttered plan");
			work(Plan::Decluttered)
		},
	}
}

/// How tract prepares a model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Plan {
	/// Decluttered and optimized into tract's fused CPU kernels.
	Optimized,
	/// Decluttered only: each operator evaluated on its own.
	Decluttered,
}

/// A model ready to run on inputs of fixed types and shapes, and its outputs' names.
pub(super) struct Prepared {
	pub plan: TypedRunnableModel<TypedModel>,
	pub names: Vec<String>,
}

/// Loads a model and prepares it for inputs of the given types and shapes, in the model's
/// input order. `invalid_model` if it does not load, `invalid_input` if it does not take such
/// inputs.
pub(super) fn prepare(
	model: &[u8],
	inputs: &[(DatumType, Vec<usize>)],
	how: Plan,
) -> Result<Prepared, Failure> {
	let mut model = tract_onnx::onnx().model_for_read(&mut &model[..]).map_err(|e| {
		log::debug!("ONNX model does not load: {e:#}");
		Failure::InvalidModel
	})?;
	let names = output_names(&model).map_err(|_| Failure::InvalidModel)?;
	if model.input_outlets().map(|i| i.len()).unwrap_or(0) != inputs.len() {
		log::debug!("the model takes a different number of inputs than {}", inputs.len());
		return Err(Failure::InvalidInput);
	}
	let prepared = (|| -> TractResult<_> {
		for (ix, (datum, shape)) in inputs.iter().enumerate() {
			model = std::mem::take(&mut model)
				.with_input_fact(ix, InferenceFact::dt_shape(*datum, shape))?;
		}
		plan(std::mem::take(&mut model), how)
	})();
	let plan = prepared.map_err(|e| {
		log::debug!("ONNX model cannot run on this input ({how:?}): {e:#}");
		Failure::InvalidInput
	})?;
	Ok(Prepared { plan, names })
}

/// A model whose input facts are set, as a runnable plan: decluttered, and optimized unless
/// `how` says not.
pub(super) fn plan(
	model: InferenceModel,
	how: Plan,
) -> TractResult<TypedRunnableModel<TypedModel>> {
	let typed = model.into_typed()?.into_decluttered()?;
	match how {
		Plan::Optimized => typed.into_optimized()?.into_runnable(),
		Plan::Decluttered => typed.into_runnable(),
	}
}

/// The names of a model's outputs, in order: their labels, or their nodes' names.
pub(super) fn output_names(model: &InferenceModel) -> TractResult<Vec<String>> {
	Ok(model
		.output_outlets()?
		.iter()
		.map(|o| {
			model
				.outlet_label(*o)
				.map_or_else(|| model.node(o.node).name.clone(), String::from)
		})
		.collect())
}

fn run_plan(model: &[u8], inputs: Vec<Tensor>, how: Plan) -> Result<Outcome, Failure> {
	let start = std::time::Instant::now();
	let facts: Vec<_> = inputs.iter().map(|t| (t.datum_type(), t.shape().to_vec())).collect();
	let Prepared { plan, names } = prepare(model, &facts, how)?;
	let prepared_at = start.elapsed();
	let outputs = plan.run(inputs.into_iter().map(|t| t.into()).collect()).map_err(|e| {
		log::debug!("ONNX model failed ({how:?}): {e:#}");
		Failure::ExecutionFailed
	})?;
	let ran_at = start.elapsed();
	let mut encoded = Vec::with_capacity(outputs.len());
	for (name, value) in names.into_iter().zip(outputs.iter()) {
		encoded.push(encode(name, value).ok_or(Failure::InvalidModel)?);
	}
	log::debug!(
		"ONNX {how:?} plan: loaded and prepared in {prepared_at:?}, ran in {:?}, outputs rounded \
		 in {:?}",
		ran_at - prepared_at,
		start.elapsed() - ran_at
	);
	Ok(Outcome::Onnx(encoded))
}

/// One output in the canonical form; `None` for element types the agent does not encode
/// (strings, complex numbers, quantized types).
pub fn encode(name: String, t: &Tensor) -> Option<TensorOut> {
	let dt = t.datum_type();
	let values: Vec<Value> = if dt.is_float() {
		let wide = t.cast_to::<f64>().ok()?;
		wide.as_slice::<f64>().ok()?.iter().map(|x| Value::float(*x)).collect()
	} else if dt == bool::datum_type() {
		t.as_slice::<bool>().ok()?.iter().map(|b| Value::Bool(*b)).collect()
	} else if dt.is_integer() && dt != u64::datum_type() {
		let wide = t.cast_to::<i64>().ok()?;
		wide.as_slice::<i64>().ok()?.iter().map(|x| Value::Int(*x)).collect()
	} else {
		return None;
	};
	Some(TensorOut {
		name,
		datum: format!("{dt:?}").to_lowercase(),
		shape: t.shape().to_vec(),
		values,
	})
}

/// Builds models in code: value declarations, constants and nodes of an ONNX graph.
mod build {
	use tract_onnx::pb::{
		tensor_proto::DataType,
		tensor_shape_proto::{dimension, Dimension},
		type_proto, AttributeProto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto,
		TensorProto, TensorShapeProto, TypeProto, ValueInfoProto,
	};

	/// An f32 input or output of the given shape.
	pub fn value(name: &str, dims: &[i64]) -> ValueInfoProto {
		let dims: Vec<_> = dims.iter().map(|d| dimension::Value::DimValue(*d)).collect();
		typed_value(name, DataType::Float, &dims)
	}

	/// An input or output of element type `elem` whose dimensions are sizes or names.
	pub fn typed_value(name: &str, elem: DataType, dims: &[dimension::Value]) -> ValueInfoProto {
		ValueInfoProto {
			name: name.into(),
			r#type: Some(TypeProto {
				value: Some(type_proto::Value::TensorType(type_proto::Tensor {
					elem_type: elem as i32,
					shape: Some(TensorShapeProto {
						dim: dims
							.iter()
							.map(|d| Dimension { value: Some(d.clone()), ..Default::default() })
							.collect(),
					}),
				})),
				..Default::default()
			}),
			..Default::default()
		}
	}

	/// An f32 constant.
	pub fn constant(name: &str, dims: &[i64], data: Vec<f32>) -> TensorProto {
		TensorProto {
			name: name.into(),
			dims: dims.to_vec(),
			data_type: DataType::Float as i32,
			float_data: data,
			..Default::default()
		}
	}

	/// An i64 constant.
	pub fn constant_i64(name: &str, dims: &[i64], data: Vec<i64>) -> TensorProto {
		TensorProto {
			name: name.into(),
			dims: dims.to_vec(),
			data_type: DataType::Int64 as i32,
			int64_data: data,
			..Default::default()
		}
	}

	pub fn node(
		op: &str,
		inputs: &[&str],
		output: &str,
		attribute: Vec<AttributeProto>,
	) -> NodeProto {
		NodeProto {
			op_type: op.into(),
			name: output.into(),
			input: inputs.iter().map(|s| s.to_string()).collect(),
			output: vec![output.into()],
			attribute,
			..Default::default()
		}
	}

	/// An integer attribute.
	pub fn int(name: &str, i: i64) -> AttributeProto {
		AttributeProto { name: name.into(), r#type: 2, i, ..Default::default() }
	}

	/// An attribute of integers.
	pub fn ints(name: &str, ints: &[i64]) -> AttributeProto {
		AttributeProto { name: name.into(), r#type: 7, ints: ints.to_vec(), ..Default::default() }
	}

	/// The model of `graph`, opset 13.
	pub fn model(graph: GraphProto) -> Vec<u8> {
		use prost::Message;
		ModelProto {
			ir_version: 8,
			opset_import: vec![OperatorSetIdProto { domain: String::new(), version: 13 }],
			producer_name: "allmende-agent".into(),
			graph: Some(graph),
			..Default::default()
		}
		.encode_to_vec()
	}

	/// `n` pseudo-random values uniform in `-scale .. scale`, the same for the same `seed`.
	pub fn random(n: usize, scale: f32, seed: u64) -> Vec<f32> {
		let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
		(0..n)
			.map(|_| {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				let unit = (x >> 40) as f32 / (1u64 << 24) as f32;
				(unit * 2.0 - 1.0) * scale
			})
			.collect()
	}
}

/// `n` pseudo-random values uniform in -1 .. 1, the same for the same `seed`: inputs for the
/// models above.
pub fn random_input(n: usize, seed: u64) -> Vec<f32> {
	build::random(n, 1.0, seed)
}

/// A model that asks for far more memory than any agent gives a workload, as an attacker
/// would send it: input `x`, f32 `[1, 1]`; output `y` = x + zeros of shape
/// `[100000, 100000]` (40 GB of f32 from a three-node graph of a few hundred bytes). Every
/// agent answers it with the canonical `memory_limit` failure.
pub fn memory_bomb_model() -> Vec<u8> {
	use build::*;
	let graph = tract_onnx::pb::GraphProto {
		name: "allmende-memory-bomb".into(),
		node: vec![
			node("ConstantOfShape", &["shape"], "zeros", vec![]),
			node("Add", &["x", "zeros"], "y", vec![]),
		],
		initializer: vec![constant_i64("shape", &[2], vec![100_000, 100_000])],
		input: vec![value("x", &[1, 1])],
		output: vec![value("y", &[100_000, 100_000])],
		..Default::default()
	};
	model(graph)
}

/// A small classifier the project makes in code, for tests and examples: input `x`, f32
/// `[1, 4]`; output `probs` = softmax(x · W + b), f32 `[1, 3]`.
pub fn example_model() -> Vec<u8> {
	use build::*;
	let graph = tract_onnx::pb::GraphProto {
		name: "allmende-example".into(),
		node: vec![
			node("MatMul", &["x", "W"], "xw", vec![]),
			node("Add", &["xw", "b"], "logits", vec![]),
			node("Softmax", &["logits"], "probs", vec![int("axis", 1)]),
		],
		initializer: vec![
			constant(
				"W",
				&[4, 3],
				vec![0.5, -0.25, 0.1, 0.3, 0.8, -0.6, -0.7, 0.2, 0.9, 0.05, -0.4, 0.33],
			),
			constant("b", &[3], vec![0.1, 0.0, -0.1]),
		],
		input: vec![value("x", &[1, 4])],
		output: vec![value("probs", &[1, 3])],
		..Default::default()
	};
	model(graph)
}

/// A model with Silero VAD's sequence interface and random weights (from `seed`), for tests:
/// inputs `input` f32 `[frames, 576]`, `h` and `c` f32 `[1, 1, 128]`; outputs each frame's
/// "probability" sigmoid(input · W), and `h` and `c` unchanged. What a provider that swaps the
/// speech model for a cheaper one would run.
pub fn speech_like_model(seed: u64) -> Vec<u8> {
	use build::*;
	let width = 576;
	let graph = tract_onnx::pb::GraphProto {
		name: "allmende-speech-like".into(),
		node: vec![
			node("MatMul", &["input", "W"], "logit", vec![]),
			node("Sigmoid", &["logit"], "p", vec![]),
			node("Identity", &["h"], "hn", vec![]),
			node("Identity", &["c"], "cn", vec![]),
		],
		initializer: vec![constant("W", &[width, 1], random(width as usize, 0.1, seed))],
		input: vec![
			value("input", &[512, width]),
			value("h", &[1, 1, 128]),
			value("c", &[1, 1, 128]),
		],
		output: vec![value("p", &[512, 1]), value("hn", &[1, 1, 128]), value("cn", &[1, 1, 128])],
		..Default::default()
	};
	model(graph)
}

/// A model that gives its input back flat: input `x`, f32 `[1, 3, height, width]`; output
/// `flat` `[1, 3 × height × width]`. For tests: the image-labels pipeline's scores are then
/// the picture as the pipeline prepared it, to the last rounded value.
pub fn flatten_model(height: usize, width: usize) -> Vec<u8> {
	use build::*;
	let graph = tract_onnx::pb::GraphProto {
		name: "allmende-flatten".into(),
		node: vec![node("Flatten", &["x"], "flat", vec![int("axis", 1)])],
		input: vec![value("x", &[1, 3, height as i64, width as i64])],
		output: vec![value("flat", &[1, (3 * height * width) as i64])],
		..Default::default()
	};
	model(graph)
}

/// A small picture classifier with random weights (from `seed`), for tests and examples:
/// input `x`, f32 `[1, 3, height, width]`; output `probs` = softmax(flatten(x) · W), f32
/// `[1, labels]`.
pub fn image_model(height: usize, width: usize, labels: usize, seed: u64) -> Vec<u8> {
	use build::*;
	let inputs = 3 * height * width;
	let scale = (1.0 / inputs as f32).sqrt();
	let graph = tract_onnx::pb::GraphProto {
		name: "allmende-image-example".into(),
		node: vec![
			node("Flatten", &["x"], "flat", vec![int("axis", 1)]),
			node("MatMul", &["flat", "W"], "logits", vec![]),
			node("Softmax", &["logits"], "probs", vec![int("axis", 1)]),
		],
		initializer: vec![constant(
			"W",
			&[inputs as i64, labels as i64],
			random(inputs * labels, scale, seed),
		)],
		input: vec![value("x", &[1, 3, height as i64, width as i64])],
		output: vec![value("probs", &[1, labels as i64])],
		..Default::default()
	};
	model(graph)
}

/// A stack of `layers` 3×3 convolutions (padding 1, ReLU between them) with random weights
/// (from `seed`): input `x`, f32 `[1, channels, size, size]`; output `y` of the same shape.
/// A model with a large output, whose floats different CPUs round differently.
pub fn conv_model(layers: usize, channels: usize, size: usize, seed: u64) -> Vec<u8> {
	conv_stack(layers, channels, size, seed)
}

/// A long honest job in a small model: `layers` 3×3 convolutions (padding 1) that all use one
/// random weight tensor (from `seed`), each followed by a sigmoid, which keeps every value
/// between 0 and 1 however deep the stack, and the result averaged per channel
/// (`GlobalAveragePool`). Input `x`, f32 `[1, channels, size, size]`; output `y`, f32
/// `[1, channels, 1, 1]`. The model holds one layer's weights, so its work grows with
/// `layers` and its size hardly does.
pub fn repeated_conv_model(layers: usize, channels: usize, size: usize, seed: u64) -> Vec<u8> {
	use build::*;
	let (c, hw) = (channels as i64, size as i64);
	let scale = (3.0 / (9 * channels) as f32).sqrt();
	let mut nodes = Vec::new();
	let mut last = "x".to_string();
	for l in 0..layers {
		let (conv, sigmoid) = (format!("conv{l}"), format!("sigmoid{l}"));
		let attributes = vec![ints("kernel_shape", &[3, 3]), ints("pads", &[1, 1, 1, 1])];
		nodes.push(node("Conv", &[&last, "w"], &conv, attributes));
		nodes.push(node("Sigmoid", &[&conv], &sigmoid, vec![]));
		last = sigmoid;
	}
	nodes.push(node("GlobalAveragePool", &[&last], "y", vec![]));
	model(tract_onnx::pb::GraphProto {
		name: "allmende-repeated-conv".into(),
		node: nodes,
		initializer: vec![constant(
			"w",
			&[c, c, 3, 3],
			random(channels * channels * 9, scale, seed),
		)],
		input: vec![value("x", &[1, c, hw, hw])],
		output: vec![value("y", &[1, c, 1, 1])],
		..Default::default()
	})
}

fn conv_stack(layers: usize, channels: usize, size: usize, seed: u64) -> Vec<u8> {
	use build::*;
	let (c, hw) = (channels as i64, size as i64);
	// Weights of about 1 / sqrt(fan-in) keep the activations near 1 through the stack.
	let scale = (3.0 / (9 * channels) as f32).sqrt();
	let mut nodes = Vec::new();
	let mut initializer = Vec::new();
	let mut last = "x".to_string();
	for l in 0..layers {
		let (w, conv) = (format!("w{l}"), format!("conv{l}"));
		initializer.push(constant(
			&w,
			&[c, c, 3, 3],
			random(channels * channels * 9, scale, seed.wrapping_add(l as u64)),
		));
		let attributes = vec![ints("kernel_shape", &[3, 3]), ints("pads", &[1, 1, 1, 1])];
		let out = if l + 1 == layers { "y".to_string() } else { conv.clone() };
		nodes.push(node("Conv", &[&last, &w], &out, attributes));
		last = out;
		if l + 1 < layers {
			let relu = format!("relu{l}");
			nodes.push(node("Relu", &[&last], &relu, vec![]));
			last = relu;
		}
	}
	model(tract_onnx::pb::GraphProto {
		name: "allmende-conv".into(),
		node: nodes,
		initializer,
		input: vec![value("x", &[1, c, hw, hw])],
		output: vec![value("y", &[1, c, hw, hw])],
		..Default::default()
	})
}

/// A dense layer with random weights (from `seed`): input `x`, f32 `[1, inputs]`; output `y`
/// = x · W + b, f32 `[1, outputs]`.
pub fn dense_model(inputs: usize, outputs: usize, seed: u64) -> Vec<u8> {
	mlp_model(&[inputs, outputs], seed)
}

/// Dense layers of the given widths with random weights (from `seed`) and ReLU between
/// them: input `x`, f32 `[1, widths[0]]`; output `y`, f32 `[1, widths.last()]`. With
/// `[768, 2048, 2048, 8192]` a model of 90 MB, most of it weights to load.
pub fn mlp_model(widths: &[usize], seed: u64) -> Vec<u8> {
	use build::*;
	let mut nodes = Vec::new();
	let mut initializer = Vec::new();
	let mut last = "x".to_string();
	let layers = widths.len().saturating_sub(1);
	for (l, pair) in widths.windows(2).enumerate() {
		let (inputs, outputs) = (pair[0], pair[1]);
		let (w, b, xw) = (format!("W{l}"), format!("b{l}"), format!("xw{l}"));
		let layer_seed = seed.wrapping_add(2 * l as u64);
		let scale = (3.0 / inputs as f32).sqrt();
		initializer.push(constant(
			&w,
			&[inputs as i64, outputs as i64],
			random(inputs * outputs, scale, layer_seed),
		));
		initializer.push(constant(&b, &[outputs as i64], random(outputs, 0.1, layer_seed + 1)));
		nodes.push(node("MatMul", &[&last, &w], &xw, vec![]));
		let sum = if l + 1 == layers { "y".to_string() } else { format!("sum{l}") };
		nodes.push(node("Add", &[&xw, &b], &sum, vec![]));
		last = sum;
		if l + 1 < layers {
			let relu = format!("relu{l}");
			nodes.push(node("Relu", &[&last], &relu, vec![]));
			last = relu;
		}
	}
	model(tract_onnx::pb::GraphProto {
		name: "allmende-dense".into(),
		node: nodes,
		initializer,
		input: vec![value("x", &[1, widths[0] as i64])],
		output: vec![value("y", &[1, widths.last().copied().unwrap_or(0) as i64])],
		..Default::default()
	})
}

/// A transformer encoder with random weights (from `seed`), built from opset-13 operators:
/// `layers` pre-norm blocks of multi-head self-attention (`heads` heads) and a GELU feed-forward
/// layer four times as wide, each added to its input, then a final layer norm. Input `x`, f32
/// `[1, tokens, width]` (embedded tokens); output `y` of the same shape. `width` must be a
/// multiple of `heads`.
pub fn encoder_model(
	layers: usize,
	tokens: usize,
	width: usize,
	heads: usize,
	seed: u64,
) -> Vec<u8> {
	use build::*;
	let mut g = Graph::default();
	g.encoder_constants(width, heads);
	let mut x = "x".to_string();
	let mut weights_seed = seed;
	for l in 0..layers {
		x = g.encoder_block(l, &x, width, seed, &mut weights_seed, None, None);
	}
	let out = g.layer_norm("final", &x, width, seed.wrapping_add(3000));
	g.op("Identity", &[&out], "y", vec![]);
	model(tract_onnx::pb::GraphProto {
		name: "allmende-encoder".into(),
		node: g.nodes,
		initializer: g.initializer,
		input: vec![value("x", &[1, tokens as i64, width as i64])],
		output: vec![value("y", &[1, tokens as i64, width as i64])],
		..Default::default()
	})
}

/// A BERT-like text encoder with random weights (from `seed`), for tests and examples: token,
/// position and token-type embeddings (a vocabulary of `vocab`, at most `positions` tokens),
/// a layer norm, then `layers` blocks as in [`encoder_model`] with the attention mask applied
/// and a final layer norm. Inputs `input_ids`, `attention_mask` and `token_type_ids`, i64
/// `[1, tokens]` for any number of tokens; output `last_hidden_state`, f32
/// `[1, tokens, width]`: the interface of a Hugging Face BERT exported to ONNX.
pub fn text_encoder_model(
	vocab: usize,
	positions: usize,
	layers: usize,
	width: usize,
	heads: usize,
	seed: u64,
) -> Vec<u8> {
	use build::*;
	use tract_onnx::pb::{tensor_proto::DataType, tensor_shape_proto::dimension::Value as Dim};
	let mut g = Graph::default();
	g.encoder_constants(width, heads);
	let d = width as i64;
	g.table("token_table", vocab, width, seed.wrapping_add(1));
	g.table("position_table", positions, width, seed.wrapping_add(2));
	g.table("type_table", 2, width, seed.wrapping_add(3));
	g.initializer.push(constant_i64("i1", &[], vec![1]));
	g.initializer.push(constant_i64("mask_axes", &[2], vec![1, 2]));
	g.initializer.push(constant("masked_out", &[], vec![-10_000.0]));
	// Embeddings: the token's, its type's and its position's (0, 1, … among the attended
	// tokens, as RoBERTa counts them).
	g.op("Gather", &["token_table", "input_ids"], "tok", vec![int("axis", 0)]);
	g.op("Gather", &["type_table", "token_type_ids"], "typ", vec![int("axis", 0)]);
	g.op("CumSum", &["attention_mask", "i1"], "counted", vec![]);
	g.op("Sub", &["counted", "i1"], "position_ids", vec![]);
	g.op("Gather", &["position_table", "position_ids"], "pos", vec![int("axis", 0)]);
	g.op("Add", &["tok", "typ"], "tok_typ", vec![]);
	g.op("Add", &["tok_typ", "pos"], "embedded", vec![]);
	let mut x = g.layer_norm("embeddings", "embedded", width, seed.wrapping_add(4));
	// The mask: 0 where attended, −10,000 where not, added to every head's scores.
	g.op("Cast", &["attention_mask"], "mask_f", vec![int("to", DataType::Float as i64)]);
	g.op("Sub", &["one", "mask_f"], "unmasked", vec![]);
	g.op("Mul", &["unmasked", "masked_out"], "mask_flat", vec![]);
	g.op("Unsqueeze", &["mask_flat", "mask_axes"], "mask", vec![]);
	let mut weights_seed = seed.wrapping_add(5);
	for l in 0..layers {
		x = g.encoder_block(l, &x, width, seed, &mut weights_seed, Some("mask"), None);
	}
	let out = g.layer_norm("final", &x, width, seed.wrapping_add(3000));
	g.op("Identity", &[&out], "last_hidden_state", vec![]);
	let tokens = || Dim::DimParam("tokens".into());
	let ids = |name: &str| typed_value(name, DataType::Int64, &[Dim::DimValue(1), tokens()]);
	model(tract_onnx::pb::GraphProto {
		name: "allmende-text-encoder".into(),
		node: g.nodes,
		initializer: g.initializer,
		input: vec![ids("input_ids"), ids("attention_mask"), ids("token_type_ids")],
		output: vec![typed_value(
			"last_hidden_state",
			DataType::Float,
			&[Dim::DimValue(1), tokens(), Dim::DimValue(d)],
		)],
		..Default::default()
	})
}

/// The names of a decoder's cache inputs and outputs for layer `l` (Hugging Face's):
/// `[past keys, past values, present keys, present values]`.
pub fn decoder_cache_names(l: usize) -> [String; 4] {
	[
		format!("past_key_values.{l}.key"),
		format!("past_key_values.{l}.value"),
		format!("present.{l}.key"),
		format!("present.{l}.value"),
	]
}

/// A decoder-only language model with random weights (from `seed`) and a key-value cache,
/// for tests: token and position embeddings (a vocabulary of `vocab`, at most `positions`
/// positions), `layers` pre-norm blocks as in [`encoder_model`] whose attention sees the
/// cached tokens and those up to a token's own position, a final layer norm and a linear
/// head. Inputs `input_ids` and `position_ids`, i64 `[1, tokens]`; `attention_mask`, i64
/// `[1, past + tokens]` (ones); and per layer the cache ([`decoder_cache_names`]), f32
/// `[1, heads, past, width / heads]`. Outputs `logits`, f32 `[1, tokens, vocab]`, and per
/// layer the present cache `[1, heads, past + tokens, width / heads]`: the interface of
/// Hugging Face's decoders exported to ONNX with their cache.
pub fn decoder_model(
	vocab: usize,
	positions: usize,
	layers: usize,
	width: usize,
	heads: usize,
	seed: u64,
) -> Vec<u8> {
	use build::*;
	use tract_onnx::pb::{tensor_proto::DataType, tensor_shape_proto::dimension::Value as Dim};
	let mut g = Graph::default();
	g.encoder_constants(width, heads);
	let (d, h) = (width as i64, heads as i64);
	let dh = d / h.max(1);
	g.table("token_table", vocab, width, seed.wrapping_add(1));
	g.table("position_table", positions, width, seed.wrapping_add(2));
	g.initializer.push(constant_i64("i1", &[], vec![1]));
	g.initializer.push(constant_i64("axes_keys", &[2], vec![1, 2]));
	g.initializer.push(constant_i64("axes_queries", &[2], vec![1, 3]));
	g.initializer.push(constant("zero", &[], vec![0.0]));
	g.initializer.push(constant("masked_out", &[], vec![-10_000.0]));
	let head_scale = (3.0 / width as f32).sqrt();
	g.initializer.push(constant(
		"head",
		&[d, vocab as i64],
		random(width * vocab, head_scale, seed.wrapping_add(3)),
	));
	g.op("Gather", &["token_table", "input_ids"], "tok", vec![int("axis", 0)]);
	g.op("Gather", &["position_table", "position_ids"], "pos", vec![int("axis", 0)]);
	g.op("Add", &["tok", "pos"], "embedded", vec![]);
	// The mask: a query at position q attends to the keys at positions 0 ..= q (the cached
	// ones first, counted by the attention mask), 0 where it does, −10,000 where not.
	g.op("CumSum", &["attention_mask", "i1"], "counted", vec![]);
	g.op("Sub", &["counted", "i1"], "key_positions", vec![]);
	g.op("Unsqueeze", &["key_positions", "axes_keys"], "keys_4d", vec![]);
	g.op("Unsqueeze", &["position_ids", "axes_queries"], "queries_4d", vec![]);
	g.op("LessOrEqual", &["keys_4d", "queries_4d"], "seen", vec![]);
	g.op("Where", &["seen", "zero", "masked_out"], "mask", vec![]);
	let mut x = "embedded".to_string();
	let mut weights_seed = seed.wrapping_add(5);
	let names: Vec<[String; 4]> = (0..layers).map(decoder_cache_names).collect();
	for (l, [pk, pv, k, v]) in names.iter().enumerate() {
		let cache = Some([pk.as_str(), pv.as_str(), k.as_str(), v.as_str()]);
		x = g.encoder_block(l, &x, width, seed, &mut weights_seed, Some("mask"), cache);
	}
	let out = g.layer_norm("final", &x, width, seed.wrapping_add(3000));
	g.op("MatMul", &[&out, "head"], "logits", vec![]);
	let named = |n: &str| Dim::DimParam(n.into());
	let ids = |name: &str, length: &str| {
		typed_value(name, DataType::Int64, &[Dim::DimValue(1), named(length)])
	};
	let cache = |name: &str, length: &str| {
		let dims = [Dim::DimValue(1), Dim::DimValue(h), named(length), Dim::DimValue(dh)];
		typed_value(name, DataType::Float, &dims)
	};
	let mut input = vec![
		ids("input_ids", "tokens"),
		ids("attention_mask", "total"),
		ids("position_ids", "tokens"),
	];
	let logits = [Dim::DimValue(1), named("tokens"), Dim::DimValue(vocab as i64)];
	let mut output = vec![typed_value("logits", DataType::Float, &logits)];
	for [pk, pv, k, v] in &names {
		input.push(cache(pk, "past"));
		input.push(cache(pv, "past"));
		output.push(cache(k, "total"));
		output.push(cache(v, "total"));
	}
	model(tract_onnx::pb::GraphProto {
		name: "allmende-decoder".into(),
		node: g.nodes,
		initializer: g.initializer,
		input,
		output,
		..Default::default()
	})
}

/// `model` with every float constant rounded to `bits` bits of mantissa (10 as in `f16`, 7 as
/// in `bfloat16`), for tests: the same model run at a lower precision, as a provider that saves
/// work that way would. `None` if it does not decode.
pub fn with_rounded_weights(model: &[u8], bits: u32) -> Option<Vec<u8>> {
	use prost::Message;
	let mut m = tract_onnx::pb::ModelProto::decode(model).ok()?;
	let drop = 23u32.checked_sub(bits)?;
	let round = |x: f32| {
		if drop == 0 {
			return x;
		}
		let half = 1u32 << (drop - 1);
		f32::from_bits((x.to_bits().wrapping_add(half)) & !((1u32 << drop) - 1))
	};
	for t in m.graph.as_mut()?.initializer.iter_mut() {
		for x in t.float_data.iter_mut() {
			*x = round(*x);
		}
	}
	Some(m.encode_to_vec())
}

/// Nodes and constants of a graph being built.
#[derive(Default)]
struct Graph {
	nodes: Vec<tract_onnx::pb::NodeProto>,
	initializer: Vec<tract_onnx::pb::TensorProto>,
}

impl Graph {
	/// The constants [`Graph::encoder_block`] uses, for `heads` heads of a `width` model.
	fn encoder_constants(&mut self, width: usize, heads: usize) {
		use build::*;
		let (d, h) = (width as i64, heads as i64);
		let dh = d / h.max(1);
		self.initializer.push(constant("eps", &[], vec![1e-5]));
		self.initializer.push(constant("half", &[], vec![0.5]));
		self.initializer.push(constant("one", &[], vec![1.0]));
		self.initializer.push(constant("sqrt2", &[], vec![std::f32::consts::SQRT_2]));
		self.initializer.push(constant("scale", &[], vec![1.0 / (dh as f32).sqrt()]));
		self.initializer.push(constant_i64("heads_shape", &[4], vec![1, -1, h, dh]));
		self.initializer.push(constant_i64("model_shape", &[3], vec![1, -1, d]));
	}

	/// An embedding table `name` of `rows` random rows of `width` values.
	fn table(&mut self, name: &str, rows: usize, width: usize, seed: u64) {
		let values = build::random(rows * width, 1.0, seed);
		self.initializer
			.push(build::constant(name, &[rows as i64, width as i64], values));
	}

	/// A random `rows × cols` weight matrix named `name`, from the next seed after `seed`.
	fn weight(&mut self, name: &str, rows: usize, cols: usize, seed: &mut u64) {
		*seed = seed.wrapping_add(1);
		let scale = (3.0 / rows as f32).sqrt();
		let values = build::random(rows * cols, scale, *seed);
		self.initializer
			.push(build::constant(name, &[rows as i64, cols as i64], values));
	}

	/// Encoder block `l` on `x` (`[1, tokens, width]`): pre-norm multi-head self-attention,
	/// with `mask` (broadcast to `[1, heads, tokens, keys]`, added to the attention scores)
	/// when given, and a GELU feed-forward layer four times as wide, each added to its input.
	/// With a `cache` (`[past keys, past values, present keys, present values]`, names of
	/// `[1, heads, positions, width / heads]` values), the keys and values of `x` are appended
	/// to the past ones, the tokens attend to all of them, and the present ones are outputs of
	/// the block. Its output's name.
	#[allow(clippy::too_many_arguments)]
	fn encoder_block(
		&mut self,
		l: usize,
		x: &str,
		width: usize,
		seed: u64,
		weights_seed: &mut u64,
		mask: Option<&str>,
		cache: Option<[&str; 4]>,
	) -> String {
		use build::*;
		let p = |n: &str| format!("l{l}_{n}");
		// Self-attention.
		let normed = self.layer_norm(&p("ln1"), x, width, seed.wrapping_add(1000 + l as u64));
		for w in ["wq", "wk", "wv", "wo"] {
			self.weight(&p(w), width, width, weights_seed);
		}
		for (m, w) in [("q", "wq"), ("k", "wk"), ("v", "wv")] {
			self.op("MatMul", &[&normed, &p(w)], &p(m), vec![]);
			self.op("Reshape", &[&p(m), "heads_shape"], &p(&format!("{m}_heads")), vec![]);
		}
		self.op("Transpose", &[&p("q_heads")], &p("qt"), vec![ints("perm", &[0, 2, 1, 3])]);
		let values = match cache {
			None => {
				let perm = ints("perm", &[0, 2, 3, 1]);
				self.op("Transpose", &[&p("k_heads")], &p("kt"), vec![perm]);
				self.op("Transpose", &[&p("v_heads")], &p("vt"), vec![ints("perm", &[0, 2, 1, 3])]);
				p("vt")
			},
			Some([past_k, past_v, present_k, present_v]) => {
				let heads_first = || vec![ints("perm", &[0, 2, 1, 3])];
				self.op("Transpose", &[&p("k_heads")], &p("k_new"), heads_first());
				self.op("Transpose", &[&p("v_heads")], &p("v_new"), heads_first());
				self.op("Concat", &[past_k, &p("k_new")], present_k, vec![int("axis", 2)]);
				self.op("Concat", &[past_v, &p("v_new")], present_v, vec![int("axis", 2)]);
				self.op("Transpose", &[present_k], &p("kt"), vec![ints("perm", &[0, 1, 3, 2])]);
				present_v.to_string()
			},
		};
		self.op("MatMul", &[&p("qt"), &p("kt")], &p("scores"), vec![]);
		self.op("Mul", &[&p("scores"), "scale"], &p("scaled"), vec![]);
		let scaled = match mask {
			Some(mask) => {
				self.op("Add", &[&p("scaled"), mask], &p("masked"), vec![]);
				p("masked")
			},
			None => p("scaled"),
		};
		self.op("Softmax", &[&scaled], &p("weights"), vec![int("axis", -1)]);
		self.op("MatMul", &[&p("weights"), &values], &p("mixed"), vec![]);
		self.op("Transpose", &[&p("mixed")], &p("mixed_t"), vec![ints("perm", &[0, 2, 1, 3])]);
		self.op("Reshape", &[&p("mixed_t"), "model_shape"], &p("joined"), vec![]);
		self.op("MatMul", &[&p("joined"), &p("wo")], &p("attended"), vec![]);
		self.op("Add", &[x, &p("attended")], &p("res1"), vec![]);
		// Feed-forward: GELU as x · ½ (1 + erf(x / √2)).
		let normed =
			self.layer_norm(&p("ln2"), &p("res1"), width, seed.wrapping_add(2000 + l as u64));
		self.weight(&p("w1"), width, 4 * width, weights_seed);
		self.weight(&p("w2"), 4 * width, width, weights_seed);
		self.op("MatMul", &[&normed, &p("w1")], &p("up"), vec![]);
		self.op("Div", &[&p("up"), "sqrt2"], &p("up_s"), vec![]);
		self.op("Erf", &[&p("up_s")], &p("erf"), vec![]);
		self.op("Add", &[&p("erf"), "one"], &p("erf1"), vec![]);
		self.op("Mul", &[&p("erf1"), "half"], &p("gate"), vec![]);
		self.op("Mul", &[&p("up"), &p("gate")], &p("gelu"), vec![]);
		self.op("MatMul", &[&p("gelu"), &p("w2")], &p("down"), vec![]);
		self.op("Add", &[&p("res1"), &p("down")], &p("res2"), vec![]);
		p("res2")
	}

	fn op(
		&mut self,
		op: &str,
		inputs: &[&str],
		output: &str,
		attributes: Vec<tract_onnx::pb::AttributeProto>,
	) {
		self.nodes.push(build::node(op, inputs, output, attributes));
	}

	/// Layer normalisation over the last axis (ε = 1e-5) with a random gain near 1 and bias
	/// near 0; its output's name.
	fn layer_norm(&mut self, name: &str, x: &str, width: usize, seed: u64) -> String {
		use build::*;
		let n = |s: &str| format!("{name}_{s}");
		let gain = random(width, 0.1, seed).into_iter().map(|g| 1.0 + g).collect();
		self.initializer.push(constant(&n("gain"), &[width as i64], gain));
		self.initializer
			.push(constant(&n("bias"), &[width as i64], random(width, 0.1, seed + 1)));
		self.op("ReduceMean", &[x], &n("mean"), vec![ints("axes", &[-1])]);
		self.op("Sub", &[x, &n("mean")], &n("centred"), vec![]);
		self.op("Mul", &[&n("centred"), &n("centred")], &n("square"), vec![]);
		self.op("ReduceMean", &[&n("square")], &n("var"), vec![ints("axes", &[-1])]);
		self.op("Add", &[&n("var"), "eps"], &n("var_eps"), vec![]);
		self.op("Sqrt", &[&n("var_eps")], &n("std"), vec![]);
		self.op("Div", &[&n("centred"), &n("std")], &n("normed"), vec![]);
		self.op("Mul", &[&n("normed"), &n("gain")], &n("scaled"), vec![]);
		self.op("Add", &[&n("scaled"), &n("bias")], &n("out"), vec![]);
		n("out")
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn probs(outcome: &Outcome) -> Vec<Value> {
		match outcome {
			Outcome::Onnx(outs) => outs[0].values.clone(),
			other => panic!("expected outputs, got {other:?}"),
		}
	}

	#[test]
	fn runs_the_example_model_on_an_npy_input() {
		let input = npy::write_f32(&[1, 4], &[1.0, 2.0, 3.0, 4.0]);
		let outcome = run(&example_model(), &input);
		let Outcome::Onnx(outs) = &outcome else { panic!("{outcome:?}") };
		assert_eq!((outs[0].name.as_str(), outs[0].datum.as_str()), ("probs", "f32"));
		assert_eq!(outs[0].shape, vec![1, 3]);
		// softmax: the scaled probabilities sum to 1 up to rounding.
		let sum: i64 =
			probs(&outcome).iter().map(|v| if let Value::Int(x) = v { *x } else { 0 }).sum();
		assert!((9_998..=10_002).contains(&sum), "{sum}");
		// The same input gives the same bytes.
		assert_eq!(run(&example_model(), &input).encode(), outcome.encode());
	}

	#[test]
	fn optimized_and_decluttered_plans_agree_within_a_unit() {
		let cases = [
			(
				conv_model(3, 16, 24, 7),
				npy::write_f32(&[1, 16, 24, 24], &random_input(16 * 24 * 24, 3)),
			),
			(dense_model(512, 1024, 5), npy::write_f32(&[1, 512], &random_input(512, 4))),
		];
		for (model, input) in cases {
			let tensor = tensor_of(&npy::parse(&input).unwrap()).unwrap();
			let optimized = run_plan(&model, vec![tensor.clone()], Plan::Optimized).unwrap();
			let decluttered = run_plan(&model, vec![tensor], Plan::Decluttered).unwrap();
			assert!(super::super::within(&optimized.encode(), &decluttered.encode(), 1));
			// `run` gives the optimized plan's answer.
			assert_eq!(run(&model, &input), optimized);
		}
	}

	#[test]
	fn a_model_whose_optimized_plan_panics_runs_decluttered() {
		// tract 0.22.5's fused element-wise kernel panics on Magika's model.
		let features =
			super::super::magika::features(b"fn main() { println!(\"hi\"); }\n").unwrap();
		let tensor = Tensor::from_shape(&[1, features.len()], &features).unwrap();
		let optimized = std::panic::catch_unwind(|| {
			run_plan(super::super::magika::MODEL, vec![tensor.clone()], Plan::Optimized)
		});
		assert!(optimized.is_err(), "the optimized plan did not panic: {optimized:?}");
		let decluttered =
			run_plan(super::super::magika::MODEL, vec![tensor.clone()], Plan::Decluttered).unwrap();
		assert_eq!(run_tensors(super::super::magika::MODEL, vec![tensor]), decluttered);
	}

	#[test]
	fn the_encoder_runs_and_its_plans_agree() {
		let model = encoder_model(2, 16, 64, 4, 9);
		let input = npy::write_f32(&[1, 16, 64], &random_input(16 * 64, 2));
		let Outcome::Onnx(outs) = run(&model, &input) else { panic!("the encoder did not run") };
		assert_eq!(outs[0].shape, vec![1, 16, 64]);
		// Layer-normed rows: each token's values have mean near 0, so they cannot all be 0 or
		// equal.
		let distinct: std::collections::BTreeSet<_> =
			outs[0].values.iter().map(|v| format!("{v:?}")).collect();
		assert!(distinct.len() > 100, "{} distinct values", distinct.len());
		let tensor = tensor_of(&npy::parse(&input).unwrap()).unwrap();
		let decluttered = run_plan(&model, vec![tensor], Plan::Decluttered).unwrap();
		assert!(super::super::within(&Outcome::Onnx(outs).encode(), &decluttered.encode(), 1));
	}

	/// The decoder prepared for any number of tokens and of cached ones.
	fn prepared_decoder(model: &[u8], layers: usize, how: Plan) -> TypedRunnableModel<TypedModel> {
		let mut m = tract_onnx::onnx().model_for_read(&mut &model[..]).unwrap();
		let (tokens, past) = (m.symbols.sym("tokens"), m.symbols.sym("past"));
		let (tokens, past) = (TDim::from(tokens), TDim::from(past));
		let ids = || InferenceFact::dt_shape(i64::datum_type(), [TDim::from(1), tokens.clone()]);
		let total = past.clone() + tokens.clone();
		m = m.with_input_fact(0, ids()).unwrap();
		m = m
			.with_input_fact(1, InferenceFact::dt_shape(i64::datum_type(), [1.into(), total]))
			.unwrap();
		m = m.with_input_fact(2, ids()).unwrap();
		for ix in 3..3 + 2 * layers {
			let shape = [1.into(), 4.into(), past.clone(), 8.into()];
			m = m
				.with_input_fact(ix, InferenceFact::dt_shape(f32::datum_type(), shape))
				.unwrap();
		}
		plan(m, how).unwrap()
	}

	#[test]
	fn the_decoder_with_its_cache_gives_what_one_pass_over_the_tokens_gives() {
		let (vocab, layers) = (40, 2);
		let model = decoder_model(vocab, 64, layers, 32, 4, 11);
		let tokens = [3i64, 17, 5, 29, 11, 8, 0, 39];
		for how in [Plan::Optimized, Plan::Decluttered] {
			let plan = prepared_decoder(&model, layers, how);
			// The logits of `tokens` after `cache` (its length: the first position), and the
			// cache after them.
			let step = |tokens: &[i64], cache: Vec<Tensor>| {
				let (n, past) = (tokens.len(), cache[0].shape()[2]);
				let positions: Vec<i64> = (past..past + n).map(|p| p as i64).collect();
				let mut inputs: TVec<TValue> = tvec![
					Tensor::from_shape(&[1, n], tokens).unwrap().into(),
					Tensor::from_shape(&[1, past + n], &vec![1i64; past + n]).unwrap().into(),
					Tensor::from_shape(&[1, n], &positions).unwrap().into(),
				];
				inputs.extend(cache.into_iter().map(TValue::from));
				let mut out = plan.run(inputs).unwrap().into_iter();
				let logits = out.next().unwrap().into_tensor();
				assert_eq!(logits.shape(), [1, n, vocab]);
				let logits = logits.as_slice::<f32>().unwrap().to_vec();
				(logits, out.map(|t| t.into_tensor()).collect::<Vec<_>>())
			};
			let empty = || vec![Tensor::zero::<f32>(&[1, 4, 0, 8]).unwrap(); 2 * layers];
			let (whole, cache) = step(&tokens, empty());
			assert!(cache.iter().all(|c| c.shape() == [1, 4, tokens.len(), 8]));
			// A prompt of three tokens, then one token at a time with the cache.
			let (mut seen, mut cache) = step(&tokens[..3], empty());
			for t in 3..tokens.len() {
				let (logits, next) = step(&tokens[t..t + 1], cache);
				seen.extend(logits);
				cache = next;
			}
			assert_eq!(seen.len(), whole.len());
			let most = seen.iter().zip(&whole).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
			assert!(most < 1e-4, "{how:?}: logits differ by up to {most}");
			// The last token's logits depend on the tokens before it: another first token
			// changes them.
			let mut other = tokens;
			other[0] = 4;
			let (changed, _) = step(&other, empty());
			assert_ne!(changed[changed.len() - vocab..], whole[whole.len() - vocab..]);
		}
	}

	#[test]
	fn canonical_failures() {
		let fail = |f| Outcome::Failed(Runner::Onnx, f);
		let input = npy::write_f32(&[1, 4], &[1.0; 4]);
		assert_eq!(run(b"not a model", &input), fail(Failure::InvalidModel));
		assert_eq!(run(&example_model(), b"not a tensor"), fail(Failure::InvalidInput));
		let wrong_shape = npy::write_f32(&[1, 5], &[1.0; 5]);
		assert_eq!(run(&example_model(), &wrong_shape), fail(Failure::InvalidInput));
	}
}
