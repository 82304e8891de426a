fn main() {
    let s = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let d = qarar::parse(&s);
    println!("{}", serde_json::to_string_pretty(&d).unwrap());
}
