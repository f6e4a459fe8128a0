fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let file = policyc::span::SourceFile::new(path, text);
    match policyc::syntax::parse(&file) {
        Ok(ast) => println!("{} declarations", ast.decls.len()),
        Err(d) => print!("{}", policyc::diagnostic::render_plain(&file, &d)),
    }
}
