//! Embeds texts with a model file and prints the first components and the cosines, to
//! check the encoder against a reference.
//!
//! `cargo run --release -p parallax-nlp --example embed_check -- MODEL.bin "text" "text" ...`
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = std::fs::read(&args[0]).expect("model file");
    let t0 = std::time::Instant::now();
    let model = parallax_nlp::embed::SentenceModel::from_bytes(&bytes).expect("model");
    eprintln!("loaded in {:?}", t0.elapsed());
    let texts: Vec<&str> = args[1..].iter().map(String::as_str).collect();
    for t in &texts {
        println!("{:?}", model.tokens(t));
    }
    let vs = model.embed(&texts);
    for v in &vs {
        println!("{:?}", &v[..6]);
    }
    for i in 0..vs.len() {
        for j in i + 1..vs.len() {
            println!(
                "cos {i} {j} = {:.4}",
                parallax_nlp::embed::dot(&vs[i], &vs[j])
            );
        }
    }
}
