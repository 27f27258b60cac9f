-- One database per service; nothing reads another service's database.
CREATE DATABASE budget;
CREATE DATABASE evaluation;
CREATE DATABASE disclosure;
