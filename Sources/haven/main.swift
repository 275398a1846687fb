import Haven
