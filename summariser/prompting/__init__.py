"""The prompting stage: the prompt files of prompts/ (front matter with name and version; a
system and a user part), parsed and rendered into chat messages through LangChain prompt
templates (`templates.py`: `load_prompt`, `Prompt`, `PromptInfo`). Non-editable installs carry
a copy of prompts/ as the package `summariser.prompt_files`.
"""
