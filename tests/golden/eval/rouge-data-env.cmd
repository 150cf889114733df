ROUGE_EVAL_HOME=/nonexistent/rouge-home $PRECIS eval --data tests/data/eval.jsonl --compat rouge155 --stem --system lead-1 2>&1
