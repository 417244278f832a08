"""A person answering the guided questions: the questionnaire's flow, the terminal prompts, the
emergency card, and the result in text, markdown, HTML and JSON."""
