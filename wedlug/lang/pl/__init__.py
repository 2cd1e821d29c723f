"""Polish: segmentation, morphology and lexicons."""
