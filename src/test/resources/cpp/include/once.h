#pragma once
#define ONCE 16
