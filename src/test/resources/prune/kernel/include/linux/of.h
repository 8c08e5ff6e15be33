#include <linux/toy.h>
