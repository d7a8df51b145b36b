// NetraRender
