// NetraReport
