"""Vietnamese legacy encodings Python lacks (TCVN3, VNI) and the detection of all encodings."""
