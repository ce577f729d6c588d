print("voparquet")
